namespace NegLR;

/// <summary>The lowest eigenvalue of a Hamiltonian and an eigenvector for it, from <see cref="ExactSolver"/>.</summary>
public sealed class GroundStateResult
{
    internal GroundStateResult(double energy, StateVector state, double residual, bool converged, int applications, EigenMethod method)
    {
        Energy = energy;
        State = state;
        Residual = residual;
        Converged = converged;
        Applications = applications;
        Method = method;
    }

    /// <summary>The lowest eigenvalue (the Rayleigh quotient ⟨ψ|H|ψ⟩ of <see cref="State"/>, constant included).</summary>
    public double Energy { get; }

    /// <summary>
    /// A normalised ground state. Its global phase is fixed so that the largest-magnitude amplitude (the lowest index
    /// among equals) is real and positive, making the result reproducible. For a degenerate ground level this is one
    /// vector of the eigenspace.
    /// </summary>
    public StateVector State { get; }

    /// <summary>‖Hψ − Eψ‖, measured after the solve (the eigenvalue error is about Residual² / gap).</summary>
    public double Residual { get; }

    /// <summary>True when <see cref="Residual"/> reached the requested tolerance.</summary>
    public bool Converged { get; }

    /// <summary>Number of times the sparse operator H was applied to a vector (0 for the dense method).</summary>
    public int Applications { get; }

    /// <summary>The method actually used (<see cref="EigenMethod.Auto"/> is resolved).</summary>
    public EigenMethod Method { get; }
}

using System;

namespace NegLR;

/// <summary>
/// The buffers one evaluation needs: the state, a second state for adjoint gradients, and scratch for the weights.
/// Create one per thread with <see cref="CircuitInterpreter.CreateWorkspace"/> and reuse it: then no call allocates.
/// </summary>
public sealed class SimulationWorkspace
{
    private StateVector? _adjoint;

    internal SimulationWorkspace(int qubits, int weights, bool forGradients)
    {
        StateVector.EnsureFits(qubits, forGradients ? 2 : 1);
        State = new StateVector(qubits);
        if (forGradients)
        {
            _adjoint = new StateVector(qubits);
        }

        ShiftedWeights = new double[weights];
        Direction = new double[weights];
    }

    /// <summary>Number of qubits the buffers hold.</summary>
    public int Qubits => State.Qubits;

    /// <summary>The state after the last <c>Prepare</c> or <c>Evaluate</c>.</summary>
    public StateVector State { get; }

    /// <summary>The second state of the adjoint method, allocated on first use when the workspace was made without it.</summary>
    internal StateVector Adjoint => _adjoint ??= new StateVector(State.Qubits);

    /// <summary>Scratch weights for finite differences and SPSA.</summary>
    internal double[] ShiftedWeights { get; }

    /// <summary>Scratch direction for SPSA.</summary>
    internal double[] Direction { get; }
}

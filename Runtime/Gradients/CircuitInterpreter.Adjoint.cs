using System;
using NegLR.Simulation;

namespace NegLR;

// Adjoint differentiation (Jones & Gacon 2020): one forward pass, then one backward pass that un-applies each step to
// both |φ⟩ and |λ⟩ = O|ψ⟩. Exact, with one extra state vector whatever the number of weights.
public sealed partial class CircuitInterpreter
{
    /// <summary>
    /// Returns ⟨O⟩ and writes ∂⟨O⟩/∂w into <paramref name="gradient"/> (length <see cref="WeightCount"/>) by the adjoint
    /// method: exact, two state vectors, about three circuit passes of work.
    /// </summary>
    /// <remarks>The backward pass un-applies the circuit, so afterwards <c>workspace.State</c> holds scratch, not ψ.</remarks>
    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable,
        Span<double> gradient, SimulationWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireGradientLength(gradient);
        gradient.Clear();

        var phi = workspace.State;
        var lambda = workspace.Adjoint;
        Run(weights, inputs, phi, -1, 0);
        observable.Apply(phi.Amplitudes, lambda.Amplitudes);
        double value = observable.Expectation(phi.Amplitudes);
        AdjointBackward(weights, inputs, phi, lambda, gradient);
        return value;
    }

    /// <summary>
    /// The adjoint method's backward pass: <paramref name="phi"/> holds ψ (the circuit's output) and <paramref name="lambda"/>
    /// the seed λ = A|ψ⟩ of a Hermitian A; adds ∂⟨ψ|A|ψ⟩/∂w to <paramref name="gradient"/>. Both states are scratch
    /// afterwards. A seed λ = Σ c_j O_j|ψ⟩ gives the gradient of Σ c_j⟨O_j⟩ in one pass (the trainer's custom losses).
    /// </summary>
    internal void AdjointBackward(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, StateVector phi, StateVector lambda,
        Span<double> gradient)
    {
        var phiAmps = phi.Amplitudes;
        var lambdaAmps = lambda.Amplitudes;
        for (int k = _program.Length - 1; k >= 0; k--)
        {
            ref readonly var ins = ref _program[k];
            double theta = ins.HasAngle ? ins.Angle.Evaluate(weights, inputs) : 0;
            if (ins.IsTrainable)
            {
                // ∂E/∂θ = 2 Im⟨λ_k|G|φ_k⟩ for U = exp(−iθG), φ_k the state just after step k.
                var overlap = GeneratorOverlap(ins, lambdaAmps, phiAmps);
                gradient[ins.Angle.Index] += ins.Angle.Scale * 2 * ins.GeneratorScale * overlap.Imaginary;
            }

            if (k > 0)
            {
                InstructionExecutor.Apply(ins, theta, phiAmps, inverse: true);
                InstructionExecutor.Apply(ins, theta, lambdaAmps, inverse: true);
            }
        }
    }

    /// <summary>Adjoint gradient of a circuit without data inputs.</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> weights, PauliSum observable, Span<double> gradient, SimulationWorkspace workspace) =>
        EvaluateWithGradient(weights, ReadOnlySpan<double>.Empty, observable, gradient, workspace);

    /// <summary>⟨λ|Π·P|φ⟩ for a step's generator, with vectorised paths for the single-qubit rotations.</summary>
    internal static System.Numerics.Complex GeneratorOverlap(in Instruction ins, ReadOnlySpan<System.Numerics.Complex> lambda,
        ReadOnlySpan<System.Numerics.Complex> phi) => ins.Kind switch
    {
        GateKind.RX => StateKernels.SingleQubitOverlap(lambda, phi, ins.Q0, 'X'),
        GateKind.RY => StateKernels.SingleQubitOverlap(lambda, phi, ins.Q0, 'Y'),
        GateKind.RZ => StateKernels.SingleQubitOverlap(lambda, phi, ins.Q0, 'Z'),
        GateKind.PhaseShift => StateKernels.SingleQubitOverlap(lambda, phi, ins.Q0, '1'),
        _ => StateKernels.PauliOverlap(lambda, phi, ins.GeneratorControl, ins.GeneratorX, ins.GeneratorZ, ins.GeneratorY),
    };

    private void RequireGradientLength(Span<double> gradient)
    {
        if (gradient.Length != WeightCount)
        {
            throw new ArgumentException($"The gradient span needs {WeightCount} entries (one per weight), but has {gradient.Length}.", nameof(gradient));
        }
    }
}

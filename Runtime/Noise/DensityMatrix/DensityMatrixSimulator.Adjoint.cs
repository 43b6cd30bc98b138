using System;
using NegLR.Simulation;

namespace NegLR;

// The adjoint gradient through channels, in the Heisenberg picture. Forward: r_k = R_k r_{k−1} from the initial Pauli
// vector, f = λ_Kᵀ r_K with λ_K the observable's Pauli vector. Backward, step by step: a rotation exp(−iφW/2) of angle
// φ = m·θ adds m·λ_kᵀ L_W r_k to ∂f/∂θ (L_W the generator: dR/dφ = L_W R), then λ_{k−1} = R_kᵀ λ_k (always stable:
// channels contract) and r_{k−1} = R_k⁻¹ r_k. Gates have orthogonal transfer matrices, so their inverse is the transpose
// and un-computing is exact to rounding. A channel's inverse may not exist (reset, full damping, p = 3/4 depolarizing)
// or may amplify rounding; such channels were marked when the program was compiled, and their input r_{k−1} is copied
// from a checkpoint saved in the forward pass — or, when the checkpoint memory is exhausted, recomputed forward from
// the nearest saved one. Two vectors (r, λ) plus one per stored checkpoint; the constant two when every channel is safe.
public sealed partial class DensityMatrixSimulator
{
    /// <summary>
    /// Returns Tr(ρO) (with readout error if the simulator has one) and writes ∂/∂w into <paramref name="gradient"/>
    /// (length <see cref="WeightCount"/>) by the adjoint method through the channels: exact, a backward pass of about
    /// twice a forward pass's work, two density-matrix buffers plus checkpoints for channels that cannot be inverted.
    /// </summary>
    /// <remarks>The backward pass un-computes the state, so afterwards <c>workspace.State</c> holds scratch, not ρ.</remarks>
    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, Span<double> gradient,
        DensityMatrixWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireGradientLength(gradient);
        gradient.Clear();
        var ws = workspace;
        Run(weights, inputs, ws, -1, 0, saveCheckpoints: true);
        var r = ws.State.Values.AsSpan();
        double value = Measure(r, observable);
        var lambda = ws.Adjoint.AsSpan();
        if (Readout is null)
        {
            ScatterObservable(lambda, observable);
        }
        else
        {
            Readout.ScatterObservable(lambda, observable);
        }

        var steps = Program.Steps;
        var rotations = Program.Rotations;
        var pool = Program.Pool;
        var taps = ws.Taps.AsSpan();
        taps.Clear();
        for (int s = steps.Length - 1; s >= 0; s--)
        {
            var step = steps[s];
            if (step.RestoreSlot >= 0)
            {
                BackwardThroughRestoredChannel(step, lambda);
                Restore(step.RestoreSlot, r, ws);
                continue;
            }

            switch (step.Kind)
            {
                case DensityStepKind.One:
                    PauliKernels.BackwardOne(r, lambda, step.Qubit0, step.Ops, pool, rotations, ws.Cos, ws.Sin, taps);
                    AddTaps(step, taps, gradient);
                    break;
                case DensityStepKind.Two:
                    PauliKernels.BackwardTwo(r, lambda, step.Qubit0, step.Qubit1, step.Ops, step.SparseInverse!, step.SparseTransposed!,
                        rotations, ws.Cos, ws.Sin, taps);
                    AddTaps(step, taps, gradient);
                    break;
                default:
                {
                    var rot = rotations[step.Rotation];
                    if (rot.Weight >= 0)
                    {
                        gradient[rot.Weight] += rot.GradientScale * PauliKernels.RotationOverlap(lambda, r, rot.Word);
                    }

                    double c = ws.Cos[step.Rotation], sn = ws.Sin[step.Rotation];
                    PauliKernels.ApplyRotation(r, rot.Word, c, -sn);
                    PauliKernels.ApplyRotation(lambda, rot.Word, c, -sn);
                    break;
                }
            }
        }

        return value;
    }

    /// <summary>Adjoint gradient of a circuit without data inputs.</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> weights, PauliSum observable, Span<double> gradient, DensityMatrixWorkspace workspace) =>
        EvaluateWithGradient(weights, ReadOnlySpan<double>.Empty, observable, gradient, workspace);

    /// <summary>λ ← the observable's Pauli vector: the constant on the identity, each coefficient on its word.</summary>
    internal static void ScatterObservable(Span<double> lambda, PauliSum observable)
    {
        lambda.Clear();
        lambda[0] = observable.Constant;
        foreach (var t in observable.Terms)
        {
            lambda[DensityMatrix.IndexOf(t)] += t.Coefficient;
        }
    }

    /// <summary>Adds a step's taps to the gradient and clears them for the next step.</summary>
    private void AddTaps(DensityStep step, Span<double> taps, Span<double> gradient)
    {
        var rotations = Program.Rotations;
        foreach (var op in step.Ops)
        {
            if (op.IsRotation)
            {
                var rot = rotations[op.Rotation];
                if (rot.Weight >= 0)
                {
                    gradient[rot.Weight] += rot.GradientScale * taps[op.Rotation];
                }

                taps[op.Rotation] = 0;
            }
        }
    }

    /// <summary>λ ← Mᵀ λ for a lone channel step.</summary>
    private void BackwardThroughRestoredChannel(DensityStep step, Span<double> lambda)
    {
        var op = step.Ops[0];
        if (step.Kind == DensityStepKind.One)
        {
            PauliKernels.Apply(lambda, step.Qubit0, Program.Pool.AsSpan(op.Transposed, 16), unital: false);
        }
        else
        {
            PauliKernels.Apply2(lambda, step.Qubit0, step.Qubit1, step.SparseTransposed![0]!);
        }
    }

    /// <summary>
    /// r ← the vector just before restored channel <paramref name="slot"/>: its checkpoint if stored, else recomputed
    /// forward from the nearest stored checkpoint before it (or from the initial state).
    /// </summary>
    private void Restore(int slot, Span<double> r, DensityMatrixWorkspace ws)
    {
        int target = _restoreSteps[slot];
        if (CheckpointsToStore > 0 && slot % CheckpointStride == 0)
        {
            ws.Checkpoints[slot / CheckpointStride].CopyTo(r);
            return;
        }

        int from;
        if (CheckpointsToStore > 0)
        {
            int stored = slot - (slot % CheckpointStride);
            ws.Checkpoints[stored / CheckpointStride].CopyTo(r);
            from = _restoreSteps[stored];
        }
        else
        {
            DensityMatrix.Reset(r, Qubits);
            from = 0;
        }

        RunSteps(r, ws, from, target, saveCheckpoints: false);
    }

    private void RequireGradientLength(Span<double> gradient)
    {
        if (gradient.Length != WeightCount)
        {
            throw new ArgumentException(
                $"The gradient span needs {WeightCount} entries (one per weight), but has {gradient.Length}.", nameof(gradient));
        }
    }
}

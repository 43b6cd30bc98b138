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

        Backpropagate(r, lambda, gradient, ws);
        return value;
    }

    /// <summary>
    /// The backward pass from the end of the program: r holds the final vector (checkpoints saved by the forward pass),
    /// λ the observable's vector; adds ∂/∂w to <paramref name="gradient"/> and leaves r and λ at the program's start.
    /// Also used by <see cref="NoisyAnsatzRuntime"/>'s light-cone segments, which start from a state other than |0…0⟩
    /// (so it must only be called when every checkpoint is stored: recomputing starts from |0…0⟩).
    /// </summary>
    internal void Backpropagate(Span<double> r, Span<double> lambda, Span<double> gradient, DensityMatrixWorkspace ws)
    {
        var steps = Program.Steps;
        for (int s = steps.Length - 1; s >= 0;)
        {
            var step = steps[s];
            if (step.RestoreSlot >= 0)
            {
                BackwardThroughRestoredChannel(step, lambda);
                Restore(step.RestoreSlot, r, ws);
                s--;
                continue;
            }

            int first = s;
            if (Qubits > BlockQubits && CacheBlocking && step.MaxQubit < BlockQubits)
            {
                while (first > 0 && steps[first - 1].MaxQubit < BlockQubits && steps[first - 1].RestoreSlot < 0)
                {
                    first--;
                }
            }

            if (first < s)
            {
                BackwardBlocked(first, s, r, lambda, gradient, ws);
                s = first - 1;
                continue;
            }

            var (inverse, transposed) = PrepareBackward(step, ws, ws.BackInverse, ws.BackTransposed);
            var correlation = ws.Correlation.AsSpan();
            correlation.Clear();
            BackwardStep(step, r, lambda, inverse, transposed, correlation, ws);
            FinishStep(step, ws, correlation, gradient);
            s--;
        }
    }

    /// <summary>
    /// Steps [first, last] (all on qubits below the cache block) swept block by block from the last: each step's M⁻¹, Mᵀ
    /// and correlation live in their own slots, the correlations add up over the blocks, and the taps are taken after.
    /// </summary>
    private void BackwardBlocked(int first, int last, Span<double> r, Span<double> lambda, Span<double> gradient, DensityMatrixWorkspace ws)
    {
        var steps = Program.Steps;
        var slots = ws.BackwardSlots(steps.Length);
        var correlations = ws.CorrelationSlots(steps.Length);
        for (int k = first; k <= last; k++)
        {
            PrepareBackward(steps[k], ws, slots.AsMemory(k * 512, 256), slots.AsMemory((k * 512) + 256, 256));
            correlations.AsSpan(k * 256, 256).Clear();
        }

        int block = 1 << (2 * BlockQubits);
        for (int b = 0; b < r.Length; b += block)
        {
            var rb = r.Slice(b, block);
            var lb = lambda.Slice(b, block);
            for (int k = last; k >= first; k--)
            {
                var (inverse, transposed) = Prepared(steps[k], slots.AsMemory(k * 512, 256), slots.AsMemory((k * 512) + 256, 256));
                BackwardStep(steps[k], rb, lb, inverse, transposed, correlations.AsSpan(k * 256, 256), ws);
            }
        }

        for (int k = last; k >= first; k--)
        {
            FinishStep(steps[k], ws, correlations.AsSpan(k * 256, 256), gradient);
        }
    }

    /// <summary>Folds a step's maps into M⁻¹ and Mᵀ when they depend on the angles; returns where the step's matrices are.</summary>
    private (ReadOnlyMemory<double> Inverse, ReadOnlyMemory<double> Transposed) PrepareBackward(DensityStep step, DensityMatrixWorkspace ws,
        Memory<double> inverse, Memory<double> transposed)
    {
        if (step.Kind != DensityStepKind.Rotation && step.ConstantProduct < 0)
        {
            FoldBackward(step, ws, step.Kind == DensityStepKind.One ? 4 : 16, inverse.Span, transposed.Span);
        }

        return Prepared(step, inverse, transposed);
    }

    private (ReadOnlyMemory<double> Inverse, ReadOnlyMemory<double> Transposed) Prepared(DensityStep step, Memory<double> inverse,
        Memory<double> transposed)
    {
        if (step.Kind == DensityStepKind.One && step.ConstantProduct >= 0)
        {
            return (Program.Pool.AsMemory(step.ConstantInverse, 16), Program.Pool.AsMemory(step.ConstantTransposed, 16));
        }

        return (inverse, transposed);
    }

    /// <summary>One step of the backward pass on a vector or one block of it: correlation (or overlap) added, then r and λ carried back.</summary>
    private void BackwardStep(DensityStep step, Span<double> r, Span<double> lambda, ReadOnlyMemory<double> inverse, ReadOnlyMemory<double> transposed,
        Span<double> correlation, DensityMatrixWorkspace ws)
    {
        switch (step.Kind)
        {
            case DensityStepKind.One:
                if (SegmentKernels && step.Qubit0 == 0 && step.Unital)
                {
                    PauliKernels.BackwardUnitalOnDigitZero(r, lambda, inverse.Span[..16], transposed.Span[..16], correlation[..16]);
                }
                else
                {
                    PauliKernels.BackwardOne(r, lambda, step.Qubit0, inverse.Span[..16], transposed.Span[..16], step.Unital, correlation[..16]);
                }

                break;
            case DensityStepKind.Two:
                if (step.ConstantProduct >= 0)
                {
                    ApplyConstantTwo(r, step, step.SparseInverse!);
                    ApplyConstantTwo(lambda, step, step.SparseTransposed!);

                    break;
                }

                if (step.HasTaps)
                {
                    PauliKernels.CorrelateTwo(r, lambda, step.Qubit0, step.Qubit1, correlation);
                }

                PauliKernels.Apply2(r, step.Qubit0, step.Qubit1, inverse.Span[..256]);
                PauliKernels.Apply2(lambda, step.Qubit0, step.Qubit1, transposed.Span[..256]);
                break;
            default:
            {
                var rot = Program.Rotations[step.Rotation];
                if (rot.Weight >= 0)
                {
                    correlation[0] += PauliKernels.RotationOverlap(lambda, r, rot.Word);
                }

                double c = ws.Cos[step.Rotation], sn = ws.Sin[step.Rotation];
                PauliKernels.ApplyRotation(r, rot.Word, c, -sn);
                PauliKernels.ApplyRotation(lambda, rot.Word, c, -sn);
                break;
            }
        }
    }

    /// <summary>Adds a step's gradient contributions from its accumulated correlation (or overlap).</summary>
    private void FinishStep(DensityStep step, DensityMatrixWorkspace ws, ReadOnlySpan<double> correlation, Span<double> gradient)
    {
        if (step.Kind == DensityStepKind.Rotation)
        {
            var rot = Program.Rotations[step.Rotation];
            if (rot.Weight >= 0)
            {
                gradient[rot.Weight] += rot.GradientScale * correlation[0];
            }

            return;
        }

        if (step.HasTaps)
        {
            AddTaps(step, ws, step.Kind == DensityStepKind.One ? 4 : 16, gradient, correlation);
        }
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

    /// <summary>
    /// The step's M⁻¹ and Mᵀ for this call's angles, into the workspace: walking the maps from last to first,
    /// S ← S·M_j and S⁻¹ ← M_j⁻¹·S⁻¹ (a rotation's inverse is the rotation by −φ).
    /// </summary>
    private void FoldBackward(DensityStep step, DensityMatrixWorkspace ws, int size, Span<double> inverse, Span<double> transposedOut)
    {
        if (TryFoldRotationsOnly(step, ws, inverse, transposedOut))
        {
            return;
        }

        int n2 = size * size;
        var s = ws.BackScratch.AsSpan(0, n2);
        var sInverse = inverse[..n2];
        SetIdentity(s, size);
        SetIdentity(sInverse, size);
        for (int j = step.Ops.Length - 1; j >= 0; j--)
        {
            MultiplyIn(step.Ops[j], s, sInverse, ws, size);
        }

        var transposed = transposedOut[..n2];
        for (int i = 0; i < size; i++)
        {
            for (int k = 0; k < size; k++)
            {
                transposed[(k * size) + i] = s[(i * size) + k];
            }
        }
    }

    /// <summary>
    /// Adds every trainable rotation's derivative from the step's correlation C: tap j = Σ_ab (A_j)_ba C_ab with
    /// A_j = S_j L_j S_j⁻¹, S_j the maps after j (so λ_jᵀ L_j r_j = λᵀ A_j r at the step's end).
    /// </summary>
    private void AddTaps(DensityStep step, DensityMatrixWorkspace ws, int size, Span<double> gradient, ReadOnlySpan<double> correlationIn)
    {
        if (TryAddRotationTaps(step, ws, gradient, correlationIn))
        {
            return;
        }

        int n2 = size * size;
        var rotations = Program.Rotations;
        var s = ws.BackScratch.AsSpan(0, n2);
        var sInverse = ws.TapScratch.AsSpan(0, n2);
        var left = ws.TapScratch.AsSpan(n2, n2);
        var correlation = correlationIn[..n2];
        SetIdentity(s, size);
        SetIdentity(sInverse, size);
        for (int j = step.Ops.Length - 1; j >= 0; j--)
        {
            var op = step.Ops[j];
            if (op.IsRotation && rotations[op.Rotation].Weight >= 0)
            {
                var rot = rotations[op.Rotation];
                // (L S⁻¹)_Q· = σ_Q (S⁻¹)_{Q⊕W}· for the Q that anticommute with W; then tap = Σ_ab (S L S⁻¹)_ba C_ab.
                int word = rot.LocalWord;
                left.Clear();
                for (int q = 0; q < size; q++)
                {
                    int sign = Simulation.PauliAlgebra.RotationSign(q, word);
                    if (sign != 0)
                    {
                        var from = sInverse.Slice((q ^ word) * size, size);
                        var to = left.Slice(q * size, size);
                        for (int k = 0; k < size; k++)
                        {
                            to[k] = sign * from[k];
                        }
                    }
                }

                double tap = 0;
                for (int b = 0; b < size; b++)
                {
                    for (int a = 0; a < size; a++)
                    {
                        double c = correlation[(a * size) + b];
                        if (c == 0)
                        {
                            continue;
                        }

                        // (S · left)_ba
                        double sum = 0;
                        for (int k = 0; k < size; k++)
                        {
                            sum += s[(b * size) + k] * left[(k * size) + a];
                        }

                        tap += sum * c;
                    }
                }

                gradient[rot.Weight] += rot.GradientScale * tap;
            }

            MultiplyIn(op, s, sInverse, ws, size);
        }
    }

    /// <summary>S ← S·M and S⁻¹ ← M⁻¹·S⁻¹ for one map of a step.</summary>
    private void MultiplyIn(SubOp op, Span<double> s, Span<double> sInverse, DensityMatrixWorkspace ws, int size)
    {
        int n2 = size * size;
        var temp = ws.Product.AsSpan(0, n2);
        if (!op.IsRotation)
        {
            SmallMatrix.Multiply(s, Program.Pool.AsSpan(op.Matrix, n2), size, temp);
            temp.CopyTo(s);
            SmallMatrix.Multiply(Program.Pool.AsSpan(op.Inverse, n2), sInverse, size, temp);
            temp.CopyTo(sInverse);
            return;
        }

        // R: r'_Q = c r_Q + σs r_R. S·R mixes columns Q and R; R(−φ)·S⁻¹ mixes rows Q and R.
        int word = Program.Rotations[op.Rotation].LocalWord;
        double c = ws.Cos[op.Rotation], sn = ws.Sin[op.Rotation];
        int pivot = word & -word;
        for (int q = 0; q < size; q++)
        {
            int sign = (q & pivot) != 0 ? 0 : Simulation.PauliAlgebra.RotationSign(q, word);
            if (sign == 0)
            {
                continue;
            }

            int rIndex = q ^ word;
            double ss = sign * sn;
            for (int i = 0; i < size; i++)
            {
                double sq = s[(i * size) + q], sr = s[(i * size) + rIndex];
                s[(i * size) + q] = (c * sq) - (ss * sr);
                s[(i * size) + rIndex] = (c * sr) + (ss * sq);
                double iq = sInverse[(q * size) + i], ir = sInverse[(rIndex * size) + i];
                sInverse[(q * size) + i] = (c * iq) - (ss * ir);
                sInverse[(rIndex * size) + i] = (c * ir) + (ss * iq);
            }
        }
    }

    private static void SetIdentity(Span<double> m, int size)
    {
        m.Clear();
        for (int i = 0; i < size; i++)
        {
            m[(i * size) + i] = 1;
        }
    }

    /// <summary>λ ← Mᵀ λ for a lone channel step.</summary>
    private void BackwardThroughRestoredChannel(DensityStep step, Span<double> lambda)
    {
        if (step.Kind == DensityStepKind.One)
        {
            PauliKernels.Apply(lambda, step.Qubit0, Program.Pool.AsSpan(step.ConstantTransposed, 16), unital: false);
        }
        else
        {
            PauliKernels.Apply2(lambda, step.Qubit0, step.Qubit1, step.SparseTransposed!);
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

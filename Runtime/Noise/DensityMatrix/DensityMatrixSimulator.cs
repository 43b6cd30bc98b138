using System;
using System.Globalization;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// Runs a <see cref="Circuit"/> with noise channels exactly, on its density matrix: expectations, probabilities, shots
/// with readout error, and gradients by the adjoint method, parameter shift or finite differences. The density matrix
/// is held as its real Pauli vector (see <see cref="DensityMatrix"/>), every gate and channel as its Pauli transfer
/// matrix, and each run of maps on one qubit or one pair is fused into a single pass.
/// </summary>
/// <remarks>
/// <para>The engine for up to <see cref="DensityMatrix.MaxQubits"/> qubits (4^n doubles per density matrix: 2 GiB at
/// 14 qubits); larger circuits are refused before anything is allocated — use <see cref="TrajectorySimulator"/>.</para>
/// <para>With a <see cref="ReadoutError"/>, expectations are what a device with that readout reports with infinitely many
/// shots (each term measured in its own basis), and probabilities and shots include the readout flips.</para>
/// <para>A simulator is immutable and thread-safe; a workspace belongs to one thread at a time.</para>
/// </remarks>
public sealed partial class DensityMatrixSimulator
{
    /// <summary>Default memory for the adjoint pass's checkpoints (see <see cref="DensityMatrixOptions.CheckpointMemory"/>).</summary>
    public const long DefaultCheckpointMemory = 1L << 30;

    private readonly int[] _restoreSteps;

    /// <summary>Compiles <paramref name="circuit"/> (a snapshot: later changes are not seen).</summary>
    /// <param name="circuit">The circuit with its channels.</param>
    /// <param name="readout">Readout error on every qubit of the circuit, or null for perfect readout.</param>
    /// <param name="options">Engine options; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">The circuit has more than <see cref="DensityMatrix.MaxQubits"/> qubits.</exception>
    /// <exception cref="ArgumentException">The readout error covers a different number of qubits.</exception>
    public DensityMatrixSimulator(Circuit circuit, ReadoutError? readout = null, DensityMatrixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (circuit.Qubits > DensityMatrix.MaxQubits)
        {
            DensityMatrix.EnsureFits(circuit.Qubits, 1);
        }

        if (readout is not null && readout.Qubits != circuit.Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The readout error covers {readout.Qubits} qubits, but the circuit has {circuit.Qubits}; give one pair of probabilities per qubit."), nameof(readout));
        }

        Options = options ?? DensityMatrixOptions.Default;
        Circuit = circuit;
        Qubits = circuit.Qubits;
        WeightCount = circuit.WeightCount;
        InputCount = circuit.InputCount;
        Readout = readout is null || readout.IsNone ? null : readout;
        Program = DensityProgram.Compile(circuit, Options.MaxUncomputeAmplification);
        _restoreSteps = new int[Program.RestoreCount];
        for (int s = 0; s < Program.Steps.Length; s++)
        {
            if (Program.Steps[s].RestoreSlot >= 0)
            {
                _restoreSteps[Program.Steps[s].RestoreSlot] = s;
            }
        }

        long perVector = DensityMatrix.BytesFor(Qubits);
        CheckpointsToStore = (int)Math.Min(Program.RestoreCount, Options.CheckpointMemory / perVector);
        CheckpointStride = CheckpointsToStore == 0 ? int.MaxValue : (Program.RestoreCount + CheckpointsToStore - 1) / CheckpointsToStore;
        CheckpointsToStore = CheckpointsToStore == 0 ? 0 : (Program.RestoreCount + CheckpointStride - 1) / CheckpointStride;
    }

    /// <summary>Compiles <paramref name="circuit"/> with <paramref name="model"/>'s channels and readout error.</summary>
    /// <exception cref="ArgumentException">The model names a qubit or gate the circuit lacks.</exception>
    public DensityMatrixSimulator(Circuit circuit, NoiseModel model, DensityMatrixOptions? options = null)
        : this((model ?? throw new ArgumentNullException(nameof(model))).ApplyTo(circuit), model.Readout, options)
    {
    }

    /// <summary>The circuit.</summary>
    public Circuit Circuit { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    /// <summary>Number of trainable weights a call takes.</summary>
    public int WeightCount { get; }

    /// <summary>Number of data inputs a call needs.</summary>
    public int InputCount { get; }

    /// <summary>The readout error, or null for perfect readout.</summary>
    public ReadoutError? Readout { get; }

    /// <summary>The options it was made with.</summary>
    public DensityMatrixOptions Options { get; }

    /// <summary>Passes over the density matrix one evaluation makes (after fusion).</summary>
    public int PassCount => Program.Steps.Length;

    /// <summary>
    /// Channels the adjoint pass restores from a checkpoint (or recomputes) instead of inverting, because they are not
    /// invertible or inverting them would amplify rounding beyond the budget.
    /// </summary>
    public int RestoredChannelCount => Program.RestoreCount;

    internal DensityProgram Program { get; }

    /// <summary>How many of the restored channels' inputs are stored (the rest are recomputed from the nearest stored one).</summary>
    internal int CheckpointsToStore { get; }

    /// <summary>Restore slot j is stored iff j is a multiple of this (as slot j / stride).</summary>
    internal int CheckpointStride { get; }

    /// <summary>Buffers for one thread; reuse them so calls allocate nothing.</summary>
    /// <param name="forGradients">Also allocate the adjoint vector and checkpoints now (otherwise on first use).</param>
    public DensityMatrixWorkspace CreateWorkspace(bool forGradients = true) => new(this, forGradients);

    /// <summary>Prepares ρ(w, x) from |0…0⟩ into <c>workspace.State</c>.</summary>
    public DensityMatrix Prepare(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, DensityMatrixWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Validate(weights, inputs);
        Run(weights, inputs, workspace, -1, 0, saveCheckpoints: false);
        return workspace.State;
    }

    /// <summary>
    /// Tr(ρ(w, x) O), with readout error when the simulator has one. The density matrix is left in
    /// <c>workspace.State</c>.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, DensityMatrixWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        Run(weights, inputs, workspace, -1, 0, saveCheckpoints: false);
        return Measure(workspace.State.Values, observable);
    }

    /// <summary>Evaluates a circuit without data inputs.</summary>
    public double Evaluate(ReadOnlySpan<double> weights, PauliSum observable, DensityMatrixWorkspace workspace) =>
        Evaluate(weights, ReadOnlySpan<double>.Empty, observable, workspace);

    /// <summary>⟨O⟩ of a prepared Pauli vector, through the readout error if there is one.</summary>
    internal double Measure(ReadOnlySpan<double> r, PauliSum observable) =>
        Readout is null ? DensityMatrix.Expectation(r, observable) : Readout.Expectation(r, observable);

    /// <summary>Resets the state and runs every step; the instruction <paramref name="shiftedInstruction"/> has its angle shifted.</summary>
    internal void Run(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, DensityMatrixWorkspace ws, int shiftedInstruction, double shift,
        bool saveCheckpoints)
    {
        PrepareAngles(weights, inputs, ws, shiftedInstruction, shift);
        var r = ws.State.Values;
        DensityMatrix.Reset(r, Qubits);
        RunSteps(r, ws, 0, Program.Steps.Length, saveCheckpoints);
    }

    /// <summary>
    /// Qubits whose digits fit one cache block: 4^7 doubles (128 KiB). Consecutive steps on qubits below this run block by
    /// block, so the density matrix crosses memory once for all of them instead of once per step.
    /// </summary>
    internal const int BlockQubits = 7;

    /// <summary>Off only in tests, to check that blocking changes no bit of the result.</summary>
    internal bool CacheBlocking { get; init; } = true;

    /// <summary>
    /// On for the light-cone segments of a generated noisy ansatz (<see cref="LightConePlan"/>): constant two-qubit steps
    /// that are monomial involutions (a CNOT, CZ or SWAP with Pauli channels) move their entries pair by pair
    /// (<see cref="PauliKernels.TryApplyInvolution"/>: the same products, so the same bits), and one-qubit steps of
    /// rotations are fused with each rotation's two coupled rows known from its word. Off for the interpreter, whose
    /// code path stays as it was.
    /// </summary>
    internal bool SegmentKernels { get; init; }

    /// <summary>Applies steps [from, to) to <paramref name="r"/> with the angles already prepared in the workspace.</summary>
    internal void RunSteps(Span<double> r, DensityMatrixWorkspace ws, int from, int to, bool saveCheckpoints)
    {
        var steps = Program.Steps;
        for (int s = from; s < to;)
        {
            var step = steps[s];
            if (saveCheckpoints && CheckpointsToStore > 0 && step.RestoreSlot >= 0 && step.RestoreSlot % CheckpointStride == 0)
            {
                r.CopyTo(ws.Checkpoints[step.RestoreSlot / CheckpointStride]);
            }

            int end = s;
            if (Qubits > BlockQubits && CacheBlocking)
            {
                while (end < to && steps[end].MaxQubit < BlockQubits && (end == s || steps[end].RestoreSlot < 0))
                {
                    end++;
                }
            }

            if (end - s >= 2)
            {
                // A run of steps on low qubits: fuse each step's matrix once, then sweep the vector block by block.
                for (int k = s; k < end; k++)
                {
                    FuseIfNeeded(steps[k], ws);
                }

                int block = 1 << (2 * BlockQubits);
                for (int b = 0; b < r.Length; b += block)
                {
                    var slice = r.Slice(b, block);
                    for (int k = s; k < end; k++)
                    {
                        ApplyFused(steps[k], slice, ws);
                    }
                }

                s = end;
                continue;
            }

            FuseIfNeeded(step, ws);
            ApplyFused(step, r, ws);
            s++;
        }
    }

    private void FuseIfNeeded(DensityStep step, DensityMatrixWorkspace ws)
    {
        if (step.Kind != DensityStepKind.Rotation && step.ConstantProduct < 0)
        {
            FuseStep(step, ws);
        }
    }

    /// <summary>Applies a step whose per-call matrix (if any) is already in the workspace.</summary>
    private void ApplyFused(DensityStep step, Span<double> r, DensityMatrixWorkspace ws)
    {
        var pool = Program.Pool;
        switch (step.Kind)
        {
            case DensityStepKind.One:
            {
                var m = step.ConstantProduct >= 0 ? pool.AsSpan(step.ConstantProduct, 16) : ws.StepMatrices.AsSpan(step.Scratch, 16);
                if (SegmentKernels && step.Qubit0 == 0 && step.Unital)
                {
                    PauliKernels.ApplyUnitalOnDigitZero(r, m);
                }
                else
                {
                    PauliKernels.Apply(r, step.Qubit0, m, step.Unital);
                }

                break;
            }

            case DensityStepKind.Two:
                if (step.SparseProduct is not null)
                {
                    ApplyConstantTwo(r, step, step.SparseProduct);
                }
                else
                {
                    PauliKernels.Apply2(r, step.Qubit0, step.Qubit1, ws.StepMatrices.AsSpan(step.Scratch, 256));
                }

                break;
            default:
                PauliKernels.ApplyRotation(r, Program.Rotations[step.Rotation].Word, ws.Cos[step.Rotation], ws.Sin[step.Rotation]);
                break;
        }
    }

    /// <summary>
    /// Runs the program forward in <paramref name="schedule"/>'s order (<see cref="TileSchedule"/>: one-qubit steps inside
    /// the pass of the next constant two-qubit step on their qubit): the bits of the steps run one by one in that order,
    /// equal to <see cref="RunSteps"/> to rounding. Only for
    /// registers within one cache block and programs without restored channels (no checkpoints to save).
    /// </summary>
    internal void RunTiled(Span<double> r, DensityMatrixWorkspace ws, TileSchedule.Item[] schedule)
    {
        var steps = Program.Steps;
        foreach (var item in schedule)
        {
            var step = steps[item.Step];
            if (item.Pre0 < 0)
            {
                FuseIfNeeded(step, ws);
                ApplyFused(step, r, ws);
                continue;
            }

            var pre0 = steps[item.Pre0];
            FuseIfNeeded(pre0, ws);
            var m0 = OneMatrix(pre0, ws);
            DensityStep? pre1 = item.Pre1 >= 0 ? steps[item.Pre1] : null;
            ReadOnlySpan<double> m1 = default;
            if (pre1 is not null)
            {
                FuseIfNeeded(pre1, ws);
                m1 = OneMatrix(pre1, ws);
            }

            if (!PauliKernels.TryApplyRotatedMonomial(r, step.Qubit0, step.Qubit1, m0, pre0.Qubit0, m1, pre1?.Qubit0 ?? -1, step.SparseProduct!))
            {
                ApplyFused(pre0, r, ws);
                if (pre1 is not null)
                {
                    ApplyFused(pre1, r, ws);
                }

                ApplyFused(step, r, ws);
            }
        }
    }

    private ReadOnlySpan<double> OneMatrix(DensityStep step, DensityMatrixWorkspace ws) =>
        step.ConstantProduct >= 0 ? Program.Pool.AsSpan(step.ConstantProduct, 16) : ws.StepMatrices.AsSpan(step.Scratch, 16);

    /// <summary>A constant two-qubit map: with the segment kernels, pair by pair or gathered on qubit 0 when it is monomial.</summary>
    internal void ApplyConstantTwo(Span<double> r, DensityStep step, Sparse16 m)
    {
        if (SegmentKernels && (PauliKernels.TryApplyInvolution(r, step.Qubit0, step.Qubit1, m) ||
                               PauliKernels.TryApplyMonomialOnQubitZero(r, step.Qubit0, step.Qubit1, m)))
        {
            return;
        }

        PauliKernels.Apply2(r, step.Qubit0, step.Qubit1, m);
    }

    /// <summary>
    /// The product of a step's maps for this call's angles, in the workspace: constants multiply in, each rotation
    /// mixes the pairs of rows it couples (row_Q ← c·row_Q + σs·row_{Q⊕W}).
    /// </summary>
    private void FuseStep(DensityStep step, DensityMatrixWorkspace ws)
    {
        if (SegmentKernels && step.Kind == DensityStepKind.One)
        {
            FuseOne(step, ws);
            return;
        }

        int size = step.Kind == DensityStepKind.One ? 4 : 16;
        var m = ws.StepMatrices.AsSpan(step.Scratch, size * size);
        var temp = ws.Product.AsSpan(0, size * size);
        m.Clear();
        for (int i = 0; i < size; i++)
        {
            m[(i * size) + i] = 1;
        }

        var pool = Program.Pool;
        foreach (var op in step.Ops)
        {
            if (!op.IsRotation)
            {
                SmallMatrix.Multiply(pool.AsSpan(op.Matrix, size * size), m, size, temp);
                temp.CopyTo(m);
                continue;
            }

            int word = Program.Rotations[op.Rotation].LocalWord;
            double c = ws.Cos[op.Rotation], s = ws.Sin[op.Rotation];
            int pivot = word & -word;
            for (int q = 0; q < size; q++)
            {
                int sign = (q & pivot) != 0 ? 0 : PauliAlgebra.RotationSign(q, word);
                if (sign == 0)
                {
                    continue;
                }

                int rIndex = q ^ word;
                double ss = sign * s;
                for (int j = 0; j < size; j++)
                {
                    double vq = m[(q * size) + j], vr = m[(rIndex * size) + j];
                    m[(q * size) + j] = (c * vq) + (ss * vr);
                    m[(rIndex * size) + j] = (c * vr) - (ss * vq);
                }
            }
        }
    }

    /// <summary>
    /// <see cref="FuseStep"/> for a one-qubit step, in locals: a rotation about digit w (1, 2 or 3) mixes the rows of the
    /// two other non-identity digits u &lt; v = u ⊕ w (row_u ← c·row_u + σs·row_v, row_v ← c·row_v − σs·row_u, σ the
    /// sign of <see cref="PauliAlgebra.RotationSign"/>(u, w)); a constant multiplies in.
    /// </summary>
    private void FuseOne(DensityStep step, DensityMatrixWorkspace ws)
    {
        if (FuseRotationsOnly(step, ws))
        {
            return;
        }

        // Written in place (the step's scratch), each rotation's pair (u, v) and sign known from its word.
        var m = ws.StepMatrices.AsSpan(step.Scratch, 16);
        m.Clear();
        m[0] = m[5] = m[10] = m[15] = 1;
        var pool = Program.Pool;
        var rotations = Program.Rotations;
        var cos = ws.Cos;
        var sin = ws.Sin;
        foreach (var op in step.Ops)
        {
            if (!op.IsRotation)
            {
                var temp = ws.Product.AsSpan(0, 16);
                SmallMatrix.Multiply(pool.AsSpan(op.Matrix, 16), m, 4, temp);
                temp.CopyTo(m);
                continue;
            }

            var rotation = rotations[op.Rotation];
            int u = rotation.PairLow; // the pair's member without the word's lowest bit, as FuseStep picks it
            int v = u ^ rotation.LocalWord;
            double c = cos[op.Rotation], ss = rotation.PairSign * sin[op.Rotation];
            var rowU = m.Slice(u * 4, 4);
            var rowV = m.Slice(v * 4, 4);
            for (int j = 0; j < 4; j++)
            {
                double vu = rowU[j], vv = rowV[j];
                rowU[j] = (c * vu) + (ss * vv);
                rowV[j] = (c * vv) - (ss * vu);
            }
        }
    }

    /// <summary>
    /// <see cref="FuseOne"/> for a step of rotations only (the segments' one-qubit steps once their channels have moved
    /// into the two-qubit steps): the X, Z, Y block in nine locals, each rotation mixing two of its rows with the
    /// operations <see cref="FuseOne"/> forms (the I row and column stay those of the identity), so the same bits.
    /// </summary>
    /// <returns>False (nothing written) when the step holds a constant map.</returns>
    private bool FuseRotationsOnly(DensityStep step, DensityMatrixWorkspace ws)
    {
        if (!step.RotationsOnly)
        {
            return false;
        }

        var rotations = Program.Rotations;
        var cos = ws.Cos;
        var sin = ws.Sin;
        double a11 = 1, a12 = 0, a13 = 0, a21 = 0, a22 = 1, a23 = 0, a31 = 0, a32 = 0, a33 = 1;
        foreach (var op in step.Ops)
        {
            var rotation = rotations[op.Rotation];
            double c = cos[op.Rotation], ss = rotation.PairSign * sin[op.Rotation];
            // Rows (u, v) = (PairLow, PairLow ⊕ word): (2, 3) for X, (1, 3) for Z, (2, 1) for Y.
            switch (rotation.LocalWord)
            {
                case 1:
                    (a21, a31) = ((c * a21) + (ss * a31), (c * a31) - (ss * a21));
                    (a22, a32) = ((c * a22) + (ss * a32), (c * a32) - (ss * a22));
                    (a23, a33) = ((c * a23) + (ss * a33), (c * a33) - (ss * a23));
                    break;
                case 2:
                    (a11, a31) = ((c * a11) + (ss * a31), (c * a31) - (ss * a11));
                    (a12, a32) = ((c * a12) + (ss * a32), (c * a32) - (ss * a12));
                    (a13, a33) = ((c * a13) + (ss * a33), (c * a33) - (ss * a13));
                    break;
                default:
                    (a21, a11) = ((c * a21) + (ss * a11), (c * a11) - (ss * a21));
                    (a22, a12) = ((c * a22) + (ss * a12), (c * a12) - (ss * a22));
                    (a23, a13) = ((c * a23) + (ss * a13), (c * a13) - (ss * a23));
                    break;
            }
        }

        var m = ws.StepMatrices.AsSpan(step.Scratch, 16);
        m[0] = 1;
        m[1] = m[2] = m[3] = m[4] = m[8] = m[12] = 0;
        m[5] = a11;
        m[6] = a12;
        m[7] = a13;
        m[9] = a21;
        m[10] = a22;
        m[11] = a23;
        m[13] = a31;
        m[14] = a32;
        m[15] = a33;
        return true;
    }

    /// <summary>θ of every instruction, then cos and sin of every rotation angle φ = multiplier·θ, for this call.</summary>
    internal void PrepareAngles(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, DensityMatrixWorkspace ws, int shiftedInstruction,
        double shift)
    {
        var instructions = Program.Instructions;
        var theta = ws.Theta;
        for (int k = 0; k < instructions.Length; k++)
        {
            ref readonly var ins = ref instructions[k];
            if (!ins.HasAngle)
            {
                continue;
            }

            double value = ins.Angle.Evaluate(weights, inputs);
            if (k == shiftedInstruction)
            {
                value += shift;
            }

            if (!double.IsFinite(value))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Gate {ins.GateIndex} ({Circuit.Gates[ins.GateIndex]}) has the angle {ins.Angle} = {value}; every angle must be a finite number."),
                    ins.Angle.Source == AngleSource.Input ? "inputs" : "weights");
            }

            theta[k] = value;
        }

        var rotations = Program.Rotations;
        if (SegmentKernels)
        {
            // All phases first, then cosines and sines four at a time (FusedKernels.CosSin, the state-vector kernels'
            // batch: a couple of ulps from libm, the same bits on 256-bit, 128-bit and scalar hardware) instead of one
            // libm SinCos (~12 ns) per rotation.
            int count = rotations.Length;
            var phases = ws.Phases;
            for (int i = 0; i < count; i++)
            {
                var rot = rotations[i];
                phases[i] = rot.Instruction >= 0 ? rot.Multiplier * theta[rot.Instruction] : rot.Multiplier;
            }

            var cosSin = ws.CosSin.AsSpan();
            FusedKernels.CosSin(phases, cosSin);
            cosSin[..count].CopyTo(ws.Cos);
            cosSin.Slice(count, count).CopyTo(ws.Sin);
            return;
        }

        for (int i = 0; i < rotations.Length; i++)
        {
            var rot = rotations[i];
            double phi = rot.Instruction >= 0 ? rot.Multiplier * theta[rot.Instruction] : rot.Multiplier;
            ws.Cos[i] = Math.Cos(phi);
            ws.Sin[i] = Math.Sin(phi);
        }
    }

    internal void CheckCall(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, DensityMatrixWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(observable);
        CheckWorkspace(workspace);
        Validate(weights, inputs);
        CircuitArguments.CheckObservable(observable, Qubits);
    }

    private void CheckWorkspace(DensityMatrixWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Simulator, this))
        {
            throw new ArgumentException("The workspace was made by another simulator; create it with this simulator's CreateWorkspace().", nameof(workspace));
        }
    }

    private void Validate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) =>
        CircuitArguments.Check(WeightCount, InputCount, weights, inputs);
}

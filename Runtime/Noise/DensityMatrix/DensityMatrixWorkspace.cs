using System;

namespace NegLR;

/// <summary>
/// The buffers density-matrix calls need: the density matrix, the adjoint vector, checkpoints, angle tables and
/// scratch. Create one per thread with <see cref="DensityMatrixSimulator.CreateWorkspace"/> and reuse it: then no
/// evaluation or gradient allocates.
/// </summary>
public sealed class DensityMatrixWorkspace
{
    private double[]? _adjoint;
    private double[][]? _checkpoints;
    private double[]? _probabilities;
    private double[]? _cumulative;
    private int[]? _counts;
    private double[]? _values;
    private double[]? _mitigatedValues;
    private int[]? _groupShots;
    private double[]? _backwardSlots;
    private double[]? _correlationSlots;

    internal DensityMatrixWorkspace(DensityMatrixSimulator simulator, bool forGradients)
    {
        int qubits = simulator.Qubits;
        DensityMatrix.EnsureFits(qubits, forGradients ? 2 + simulator.CheckpointsToStore : 1);
        Simulator = simulator;
        State = new DensityMatrix(qubits);
        if (forGradients)
        {
            _adjoint = new double[State.Values.Length];
            _checkpoints = CreateCheckpoints(simulator);
        }

        var program = simulator.Program;
        Theta = new double[program.Instructions.Length];
        Cos = new double[program.Rotations.Length];
        Sin = new double[program.Rotations.Length];
        Phases = new double[program.Rotations.Length];
        CosSin = new double[2 * program.Rotations.Length];
        StepMatrices = new double[Math.Max(program.ScratchLength, 1)];
        Product = new double[256];
        BackScratch = new double[256];
        BackInverse = new double[256];
        BackTransposed = new double[256];
        TapScratch = new double[512];
        Correlation = new double[256];
        ShiftedWeights = new double[simulator.WeightCount];
    }

    internal DensityMatrixSimulator Simulator { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits => State.Qubits;

    /// <summary>The density matrix after the last <c>Prepare</c>, <c>Evaluate</c> or probability call.</summary>
    public DensityMatrix State { get; }

    /// <summary>λ, the observable carried backwards by the adjoint pass (allocated on first use if not made for gradients).</summary>
    internal double[] Adjoint => _adjoint ??= new double[State.Values.Length];

    /// <summary>Vectors saved before channels the adjoint pass restores instead of inverting.</summary>
    internal double[][] Checkpoints => _checkpoints ??= CreateCheckpoints(Simulator);

    /// <summary>θ of every compiled instruction for the current call.</summary>
    internal double[] Theta { get; }

    /// <summary>cos φ and sin φ of every rotation for the current call.</summary>
    internal double[] Cos { get; }

    internal double[] Sin { get; }

    /// <summary>φ of every rotation for the current call (segment kernels: the argument of one batched <c>FusedKernels.CosSin</c>).</summary>
    internal double[] Phases { get; }

    /// <summary>cos φ then sin φ of every rotation as <c>FusedKernels.CosSin</c> writes them, before they are split into <see cref="Cos"/> and <see cref="Sin"/>.</summary>
    internal double[] CosSin { get; }

    /// <summary>The backward pass's per-step matrices: S, M⁻¹, Mᵀ, tap scratch, and the correlation C_ab = Σ r_a λ_b.</summary>
    internal double[] BackScratch { get; }

    internal double[] BackInverse { get; }

    internal double[] BackTransposed { get; }

    internal double[] TapScratch { get; }

    internal double[] Correlation { get; }

    /// <summary>Fused per-call matrices of steps with rotations.</summary>
    internal double[] StepMatrices { get; }

    /// <summary>Scratch for one matrix product.</summary>
    internal double[] Product { get; }

    /// <summary>Scratch weights for finite differences.</summary>
    internal double[] ShiftedWeights { get; }

    /// <summary>2^n probabilities (allocated on first use).</summary>
    internal double[] ProbabilityBuffer => _probabilities ??= new double[1 << Qubits];

    /// <summary>2^n running sums for sampling (allocated on first use).</summary>
    internal double[] Cumulative => _cumulative ??= new double[1 << Qubits];

    /// <summary>Per-step M⁻¹ and Mᵀ (512 doubles a step) for the block-by-block backward pass (allocated on first use).</summary>
    internal double[] BackwardSlots(int steps) => _backwardSlots ??= new double[steps * 512];

    /// <summary>Per-step correlations (256 doubles a step) for the block-by-block backward pass (allocated on first use).</summary>
    internal double[] CorrelationSlots(int steps) => _correlationSlots ??= new double[steps * 256];

    /// <summary>2^n outcome counts (allocated on first use).</summary>
    internal int[] Counts => _counts ??= new int[1 << Qubits];

    /// <summary>2^n per-outcome values (allocated on first use).</summary>
    internal double[] Values => _values ??= new double[1 << Qubits];

    /// <summary>2^n per-outcome mitigated values (allocated on first use).</summary>
    internal double[] MitigatedValues => _mitigatedValues ??= new double[1 << Qubits];

    /// <summary>Shots per measurement group of the last estimate, sized for <paramref name="groups"/> groups (reallocated only when that changes).</summary>
    internal int[] GroupShots(int groups) => _groupShots is { } g && g.Length == groups ? g : _groupShots = new int[groups];

    private static double[][] CreateCheckpoints(DensityMatrixSimulator simulator)
    {
        var checkpoints = new double[simulator.CheckpointsToStore][];
        for (int i = 0; i < checkpoints.Length; i++)
        {
            checkpoints[i] = new double[DensityMatrix.BytesFor(simulator.Qubits) / 8];
        }

        return checkpoints;
    }
}

using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace NegLR;

/// <summary>
/// What a generated noisy ansatz runs on: built once per type from its noisy circuit (<c>CreateNoisyCircuit()</c>), its
/// readout error and its cost. Exact values come from the density matrix — for the cost, on light-cone segments
/// (<see cref="UsesLightCone"/>: operations that cannot reach the cost dropped, qubits joining the register at their
/// first two-qubit operation and leaving it once nothing after them matters); for anything else, from the
/// whole-circuit <see cref="DensityMatrix"/> engine. Sampled values come from the <see cref="Trajectories"/> engine, with
/// the same seeds giving the same bits as calling it directly.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; a <see cref="NoisyAnsatzWorkspace"/> belongs to one thread at a time. Every call with a
/// workspace allocates nothing once the workspace has the buffers that call needs. The adjoint's own code (its member
/// here, the joins' and prefixes' backward steps, the rotation-only fold and taps, the qubit-0 backward kernel) is
/// compiled fully optimized at its first call (<see cref="MethodImplOptions.AggressiveOptimization"/>) rather than tiered
/// with a profile: in-process benchmark runs otherwise showed the n = 4 adjoint at two speeds from one process to the
/// next (see docs/noise.md, "Where the goals stand"); the forward path keeps the profile, which makes it faster.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class NoisyAnsatzRuntime
{
    private static readonly double[] ScalarOne = { 1 };
    private static readonly double[] ZeroState = { 1, 0, 1, 0 };
    private readonly ThreadLocal<NoisyAnsatzWorkspace> _threadWorkspace;

    /// <summary>Builds the runtime of an ansatz.</summary>
    /// <param name="ansatz">The ansatz's name, for error messages.</param>
    /// <param name="noisyCircuit">The circuit with its channels (the ansatz's noise model applied).</param>
    /// <param name="readout">Readout error on every qubit, or null.</param>
    /// <param name="cost">The cost observable.</param>
    /// <param name="options">Density-matrix engine options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The readout error or the cost does not fit the circuit.</exception>
    public NoisyAnsatzRuntime(string ansatz, Circuit noisyCircuit, ReadoutError? readout, PauliSum cost, DensityMatrixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ansatz);
        ArgumentNullException.ThrowIfNull(noisyCircuit);
        ArgumentNullException.ThrowIfNull(cost);
        if (cost.MinQubits > noisyCircuit.Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{ansatz}'s cost acts on qubit {cost.MinQubits - 1}, but the circuit has qubits 0 to {noisyCircuit.Qubits - 1}."), nameof(cost));
        }

        Ansatz = ansatz;
        Circuit = noisyCircuit;
        Cost = cost;
        DensityMatrix = new DensityMatrixSimulator(noisyCircuit, readout, options);
        Readout = DensityMatrix.Readout;
        Trajectories = new TrajectorySimulator(noisyCircuit, Readout);
        CostEstimator = new ShotEstimator(cost, noisyCircuit.Qubits);
        Plan = LightConePlan.Create(noisyCircuit, Readout, cost, DensityMatrix.Options);
        Angles = Plan is null ? null : new PlanAngles(Plan);
        _threadWorkspace = new ThreadLocal<NoisyAnsatzWorkspace>(() => new NoisyAnsatzWorkspace(this));
    }

    /// <summary>Builds the runtime with <paramref name="model"/>'s channels and readout error applied to <paramref name="circuit"/>.</summary>
    public static NoisyAnsatzRuntime Create(string ansatz, Circuit circuit, NoiseModel model, PauliSum cost)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new NoisyAnsatzRuntime(ansatz, model.ApplyTo(circuit), model.Readout, cost) { Model = model };
    }

    /// <summary>The noise model the runtime was made with by <see cref="Create"/> (null when given a noisy circuit directly).</summary>
    public NoiseModel? Model { get; private init; }

    /// <summary>The ansatz's name.</summary>
    public string Ansatz { get; }

    /// <summary>The noisy circuit.</summary>
    public Circuit Circuit { get; }

    /// <summary>The cost observable.</summary>
    public PauliSum Cost { get; }

    /// <summary>The readout error, or null for perfect readout.</summary>
    public ReadoutError? Readout { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits => Circuit.Qubits;

    /// <summary>Number of trainable weights.</summary>
    public int WeightCount => Circuit.WeightCount;

    /// <summary>Number of data inputs.</summary>
    public int InputCount => Circuit.InputCount;

    /// <summary>The whole-circuit density-matrix engine.</summary>
    public DensityMatrixSimulator DensityMatrix { get; }

    /// <summary>The trajectory engine.</summary>
    public TrajectorySimulator Trajectories { get; }

    /// <summary>The shot estimator of the cost (qubit-wise commuting groups).</summary>
    public ShotEstimator CostEstimator { get; }

    /// <summary>Whether the cost runs on light-cone segments (false when they would be the whole circuit).</summary>
    public bool UsesLightCone => Plan is not null;

    /// <summary>Gates and channels the cost's light cone leaves out.</summary>
    public int OperationsOutsideLightCone => Plan?.DroppedOperations ?? 0;

    internal LightConePlan? Plan { get; }

    /// <summary>The plan's rotation angles, prepared in one batch per call (null without a plan).</summary>
    internal PlanAngles? Angles { get; }

    /// <summary>Buffers for one thread.</summary>
    public NoisyAnsatzWorkspace CreateWorkspace() => new(this);

    /// <summary>A workspace owned by the calling thread (made on its first call there), for the span-free IAnsatz members.</summary>
    public NoisyAnsatzWorkspace ThreadWorkspace => _threadWorkspace.Value!;

    /// <summary>Tr(ρ(w, x)·Cost) with the readout error.</summary>
    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, NoisyAnsatzWorkspace workspace)
    {
        Check(weights, inputs, workspace);
        if (Plan is not { } plan)
        {
            return DensityMatrix.Evaluate(weights, inputs, Cost, workspace.Density);
        }

        Forward(plan, weights, inputs, workspace, saveCheckpoints: false);
        var last = plan.Segments[^1];
        return last.Simulator.Measure(workspace.Segments[^1].State.Values, plan.LocalObservable);
    }

    /// <summary>Tr(ρ(w, x)·Cost) and its exact gradient by the adjoint method through the channels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient, NoisyAnsatzWorkspace workspace)
    {
        Check(weights, inputs, workspace);
        CheckGradient(gradient);
        if (Plan is not { AdjointSafe: true } plan)
        {
            return DensityMatrix.EvaluateWithGradient(weights, inputs, Cost, gradient, workspace.Density);
        }

        gradient.Clear();
        Forward(plan, weights, inputs, workspace, saveCheckpoints: true);
        var segments = plan.Segments;
        var lastWorkspace = workspace.Segments[^1];
        var lastSimulator = segments[^1].Simulator;
        double value = lastSimulator.Measure(lastWorkspace.State.Values, plan.LocalObservable);
        if (lastSimulator.Readout is { } readout)
        {
            readout.ScatterObservable(lastWorkspace.Adjoint, plan.LocalObservable);
        }
        else
        {
            DensityMatrixSimulator.ScatterObservable(lastWorkspace.Adjoint, plan.LocalObservable);
        }

        for (int s = segments.Length - 1; s >= 0; s--)
        {
            var segment = segments[s];
            var ws = workspace.Segments[s];
            var r = ws.State.Values.AsSpan();
            var lambda = ws.Adjoint.AsSpan();
            segment.Simulator.Backpropagate(r, lambda, gradient, ws);
            int size = LightConePlan.Count(segment.Register.Length);
            for (int j = segment.Joined.Length - 1; j >= 0; j--)
            {
                size >>= 2;
                LeaveJoined(segment.Joined[j], plan, r, lambda, size, gradient, workspace);
            }

            if (s > 0)
            {
                var previous = workspace.Segments[s - 1].Adjoint.AsSpan();
                if (!segment.Drops)
                {
                    lambda[..size].CopyTo(previous);
                }
                else
                {
                    previous.Clear();
                    for (int k = 0; k < size; k++)
                    {
                        previous[LightConePlan.Deposit(k, segment.KeptMask)] = lambda[k];
                    }
                }
            }
        }

        return value;
    }

    /// <summary>
    /// The <see cref="IAnsatz"/> form of <see cref="Evaluate(ReadOnlySpan{double}, ReadOnlySpan{double}, NoisyAnsatzWorkspace)"/>
    /// for generic code (<c>where T : IAnsatz</c>): the state span is checked but not used (a noisy state is a density
    /// matrix), and the calling thread's workspace (<see cref="ThreadWorkspace"/>) holds it.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<Complex> state)
    {
        CheckState(state.Length, "state");
        return Evaluate(weights, inputs, ThreadWorkspace);
    }

    /// <summary>The <see cref="IAnsatz"/> form of the adjoint gradient: the spans are checked but not used (see <see cref="Evaluate(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{Complex})"/>).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient, Span<Complex> state,
        Span<Complex> adjoint)
    {
        CheckState(state.Length, "state");
        CheckState(adjoint.Length, "adjoint");
        return EvaluateWithGradient(weights, inputs, gradient, ThreadWorkspace);
    }

    /// <summary>What a noisy ansatz's <c>Prepare(weights, inputs, state)</c> throws: its state is a density matrix, not a vector.</summary>
    public InvalidOperationException NoStateVector() =>
        new($"{Ansatz} is noisy: its state is a density matrix, which a state vector cannot hold. Use {Ansatz}.PrepareDensityMatrix(weights, inputs, workspace) " +
            $"(or {Ansatz}.Probabilities), or declare the ansatz without noise.");

    private void CheckState(int length, string name)
    {
        if (length != 1 << Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Ansatz} needs a {name} span of {1 << Qubits} amplitudes, but it has {length}."), name);
        }
    }

    /// <summary>Tr(ρ(w, x)·<paramref name="observable"/>) on the whole circuit, with the readout error.</summary>
    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DensityMatrix.Evaluate(weights, inputs, observable, workspace.Density);
    }

    /// <summary>ρ(w, x) (in <c>workspace.State</c>).</summary>
    public DensityMatrix Prepare(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DensityMatrix.Prepare(weights, inputs, workspace.Density);
    }

    /// <summary>The cost and its gradient by parameter shift (exact: the channels do not depend on the angles).</summary>
    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient, NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DensityMatrix.ParameterShiftGradient(weights, inputs, Cost, gradient, workspace.Density);
    }

    /// <summary>The cost and its gradient by central finite differences.</summary>
    public double FiniteDifferenceGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient, NoisyAnsatzWorkspace workspace,
        double step = CircuitInterpreter.DefaultFiniteDifferenceStep)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DensityMatrix.FiniteDifferenceGradient(weights, inputs, Cost, gradient, workspace.Density, step);
    }

    /// <summary>The 2^n outcome probabilities (bit q of the index is qubit q), through the readout error when <paramref name="includeReadout"/>.</summary>
    public void Probabilities(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> probabilities, NoisyAnsatzWorkspace workspace,
        bool includeReadout = true)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        DensityMatrix.Probabilities(weights, inputs, probabilities, workspace.Density, includeReadout);
    }

    /// <summary>The cost estimated from <paramref name="totalShots"/> shots of the noisy distribution, readout flips included.</summary>
    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int totalShots, SeededRandom random,
        NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DensityMatrix.EvaluateWithShots(weights, inputs, CostEstimator, totalShots, random, workspace.Density);
    }

    /// <summary>The cost from shots with the readout error inverted per qubit (raw and mitigated from the same shots).</summary>
    /// <exception cref="InvalidOperationException">The ansatz declares no readout error.</exception>
    public MitigatedEstimate EvaluateWithShotsMitigated(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int totalShots, SeededRandom random,
        NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return DensityMatrix.EvaluateWithShotsMitigated(weights, inputs, CostEstimator, totalShots, random, workspace.Density);
    }

    /// <summary>
    /// The cost estimated from <paramref name="trajectories"/> Monte-Carlo trajectories (trajectory t draws from
    /// <c>SeededRandom.ForStream(seed, t)</c>): bit-identical to <see cref="TrajectorySimulator.Estimate(ReadOnlySpan{double}, ReadOnlySpan{double}, PauliSum, int, ulong, TrajectoryWorkspace)"/>.
    /// </summary>
    public TrajectoryEstimate EstimateWithTrajectories(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int trajectories, ulong seed,
        NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Trajectories.Estimate(weights, inputs, Cost, trajectories, seed, workspace.Trajectory);
    }

    /// <summary>The cost's gradient from trajectories (parameter shift with common random numbers), with standard errors.</summary>
    public TrajectoryEstimate EstimateGradientWithTrajectories(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int trajectories, ulong seed,
        Span<double> gradient, Span<double> standardErrors, NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Trajectories.EstimateGradient(weights, inputs, Cost, trajectories, seed, gradient, standardErrors, workspace.Trajectory);
    }

    private void Forward(LightConePlan plan, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, NoisyAnsatzWorkspace workspace, bool saveCheckpoints)
    {
        Angles!.Prepare(weights, inputs, workspace);
        for (int q = 0; q < plan.PrefixKernels.Length; q++)
        {
            plan.PrefixKernels[q]?.RunPrepared(workspace.Prefixes[q]!, workspace.PrefixTapes[q]!);
        }

        ReadOnlySpan<double> previous = ScalarOne;
        for (int s = 0; s < plan.Segments.Length; s++)
        {
            var segment = plan.Segments[s];
            var ws = workspace.Segments[s];
            var r = ws.State.Values.AsSpan();
            Enter(segment, plan, previous, r, workspace);
            var simulator = segment.Simulator;
            if (segment.Tiles is { } tiles)
            {
                simulator.RunTiled(r, ws, tiles);
            }
            else
            {
                simulator.RunSteps(r, ws, 0, simulator.Program.Steps.Length, saveCheckpoints);
            }
            previous = r;
        }
    }

    /// <summary>The segment's starting vector: the kept part of the previous register, then each joining qubit as a tensor factor on top.</summary>
    private static void Enter(LightConePlan.Segment segment, LightConePlan plan, ReadOnlySpan<double> previous, Span<double> r, NoisyAnsatzWorkspace workspace)
    {
        int size = LightConePlan.Count(segment.Kept.Length);
        if (!segment.Drops)
        {
            previous[..size].CopyTo(r);
        }
        else
        {
            for (int k = 0; k < size; k++)
            {
                r[k] = previous[LightConePlan.Deposit(k, segment.KeptMask)];
            }
        }

        foreach (int q in segment.Joined)
        {
            ReadOnlySpan<double> v = plan.Prefixes[q] is null ? ZeroState : workspace.Prefixes[q]!.State.Values;
            double v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
            int i = 0;
            if (size >= 4)
            {
                // The same products four at a time (sizes are powers of 4).
                ref double d = ref MemoryMarshal.GetReference(r);
                for (; i < size; i += 4)
                {
                    ref double p = ref Unsafe.Add(ref d, i);
                    var x = Vector256.LoadUnsafe(ref p);
                    (x * v1).StoreUnsafe(ref p, (nuint)size);
                    (x * v2).StoreUnsafe(ref p, (nuint)(2 * size));
                    (x * v3).StoreUnsafe(ref p, (nuint)(3 * size));
                    (x * v0).StoreUnsafe(ref p);
                }
            }

            for (; i < size; i++)
            {
                double x = r[i];
                r[i + size] = x * v1;
                r[i + (2 * size)] = x * v2;
                r[i + (3 * size)] = x * v3;
                r[i] = x * v0;
            }

            size <<= 2;
        }
    }

    /// <summary>
    /// Backwards through a qubit's join (it is the top digit, below it <paramref name="size"/> entries): λ contracts with
    /// the qubit's vector v, the qubit's own λ (Σ over the rest of λ·r) runs back through its prefix.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LeaveJoined(int qubit, LightConePlan plan, Span<double> r, Span<double> lambda, int size, Span<double> gradient,
        NoisyAnsatzWorkspace workspace)
    {
        var prefix = plan.PrefixKernels[qubit];
        var pws = workspace.Prefixes[qubit];
        ReadOnlySpan<double> v = prefix is null ? ZeroState : pws!.State.Values;
        double v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
        double inverse = 1 / v0;
        double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        for (int i = 0; i < size; i++)
        {
            double ro = r[i] * inverse;
            double l0 = lambda[i], l1 = lambda[i + size], l2 = lambda[i + (2 * size)], l3 = lambda[i + (3 * size)];
            g0 += l0 * ro;
            g1 += l1 * ro;
            g2 += l2 * ro;
            g3 += l3 * ro;
            lambda[i] = ((l0 * v0) + (l1 * v1)) + ((l2 * v2) + (l3 * v3));
            r[i] = ro;
        }

        if (prefix is not null)
        {
            var mu = pws!.Adjoint;
            mu[0] = g0;
            mu[1] = g1;
            mu[2] = g2;
            mu[3] = g3;
            prefix.Backpropagate(mu, gradient, pws, workspace.PrefixTapes[qubit]!);
        }
    }

    private void Check(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, NoisyAnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Runtime, this))
        {
            throw new ArgumentException($"The workspace was made for another ansatz; create it with {Ansatz}.CreateNoisyWorkspace().", nameof(workspace));
        }

        GeneratedCodeSupport.CheckArguments(Ansatz, WeightCount, InputCount, 0, weights, inputs, 0);
    }

    private void CheckGradient(Span<double> gradient)
    {
        if (gradient.Length != WeightCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Ansatz}'s gradient span needs {WeightCount} entries (one per weight), but has {gradient.Length}."), nameof(gradient));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// Simulates a noisy <see cref="Circuit"/> by quantum trajectories (Monte-Carlo wavefunction): each trajectory runs
/// the gates on a state vector and replaces every channel by one of its branches, drawn with the right probability —
/// a Pauli word for Pauli channels, a Kraus operator K_k with probability ‖K_k ψ‖² otherwise — so the average of
/// |ψ⟩⟨ψ| over trajectories is the density matrix. One state vector per trajectory instead of a 4^n density matrix:
/// the engine for circuits too large for <see cref="DensityMatrixSimulator"/>, and the natural one for shot-mode
/// training (one trajectory per shot is exactly a device's shot).
/// </summary>
/// <remarks>
/// <para>Trajectory t of a call with seed s uses the generator <see cref="SeededRandom.ForStream"/>(s, t), so the same seed
/// gives bit-identical results however the trajectories are split across workers.</para>
/// <para>A simulator is immutable and thread-safe; a workspace belongs to one thread at a time.</para>
/// </remarks>
public sealed partial class TrajectorySimulator
{
    private readonly Instruction[] _program;
    private readonly int[] _ops;            // ≥ 0: instruction index; < 0: channel ~index
    private readonly ChannelSampler[] _channels;

    /// <summary>Operations in order: ≥ 0 an instruction index, &lt; 0 the channel ~index.</summary>
    internal ReadOnlySpan<int> Ops => _ops;

    /// <summary>The channels' samplers, by channel index.</summary>
    internal ReadOnlySpan<ChannelSampler> Channels => _channels;

    /// <summary>
    /// Let shots share the branch most trajectories take (<see cref="TrajectoryMainPath"/>); the same bits either way.
    /// Off only in the tests that prove it.
    /// </summary>
    internal bool ShareMainPath { get; init; } = true;

    /// <summary>Compiles <paramref name="circuit"/> (a snapshot: later changes are not seen).</summary>
    /// <param name="circuit">The circuit with its channels.</param>
    /// <param name="readout">Readout error on every qubit, or null for perfect readout.</param>
    public TrajectorySimulator(Circuit circuit, ReadoutError? readout = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (readout is not null && readout.Qubits != circuit.Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The readout error covers {readout.Qubits} qubits, but the circuit has {circuit.Qubits}; give one pair of probabilities per qubit."), nameof(readout));
        }

        Circuit = circuit;
        Qubits = circuit.Qubits;
        WeightCount = circuit.WeightCount;
        InputCount = circuit.InputCount;
        Readout = readout is null || readout.IsNone ? null : readout;
        _program = InstructionCompiler.Compile(circuit);
        var channels = circuit.Channels;
        _channels = new ChannelSampler[channels.Count];
        var ops = new List<int>(_program.Length + channels.Count);
        int c = 0;
        for (int k = 0; k < _program.Length; k++)
        {
            for (; c < channels.Count && channels[c].Position <= _program[k].GateIndex; c++)
            {
                _channels[c] = new ChannelSampler(channels[c]);
                ops.Add(~c);
            }

            ops.Add(k);
        }

        for (; c < channels.Count; c++)
        {
            _channels[c] = new ChannelSampler(channels[c]);
            ops.Add(~c);
        }

        _ops = ops.ToArray();
    }

    /// <summary>Compiles <paramref name="circuit"/> with <paramref name="model"/>'s channels and readout error.</summary>
    public TrajectorySimulator(Circuit circuit, NoiseModel model)
        : this((model ?? throw new ArgumentNullException(nameof(model))).ApplyTo(circuit), model.Readout)
    {
    }

    /// <summary>The circuit.</summary>
    public Circuit Circuit { get; }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    /// <summary>Number of trainable weights.</summary>
    public int WeightCount { get; }

    /// <summary>Number of data inputs.</summary>
    public int InputCount { get; }

    /// <summary>The readout error, or null.</summary>
    public ReadoutError? Readout { get; }

    /// <summary>Buffers for one thread; reuse them so calls allocate nothing.</summary>
    public TrajectoryWorkspace CreateWorkspace() => new(this);

    /// <summary>
    /// Runs one trajectory from |0…0⟩ into <c>workspace.State</c>, drawing the channels' branches from
    /// <paramref name="random"/> (one uniform per channel).
    /// </summary>
    public StateVector RunTrajectory(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, SeededRandom random, TrajectoryWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckWorkspace(workspace);
        Validate(weights, inputs);
        Run(weights, inputs, random, workspace, -1, 0);
        return workspace.State;
    }

    /// <summary>
    /// Estimates Tr(ρO) (with readout error if the simulator has one) as the mean of ⟨ψ_t|O|ψ_t⟩ over
    /// <paramref name="trajectories"/> trajectories, with its standard error. Trajectory t draws from
    /// <c>SeededRandom.ForStream(seed, t)</c>.
    /// </summary>
    public TrajectoryEstimate Estimate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, int trajectories, ulong seed,
        TrajectoryWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireTrajectories(trajectories);
        var values = workspace.Values(trajectories);
        for (int t = 0; t < trajectories; t++)
        {
            values[t] = TrajectoryValue(weights, inputs, observable, seed, t, workspace, -1, 0);
        }

        return Summarise(values.AsSpan(0, trajectories));
    }

    /// <summary>
    /// The same estimate on several workers at once (one workspace each, e.g. one per core): trajectory t still draws
    /// from stream t and the sum runs in trajectory order, so the result is bit-identical to the single-worker call.
    /// </summary>
    public TrajectoryEstimate Estimate(ReadOnlyMemory<double> weights, ReadOnlyMemory<double> inputs, PauliSum observable, int trajectories, ulong seed,
        IReadOnlyList<TrajectoryWorkspace> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0)
        {
            throw new ArgumentException("Give at least one workspace.", nameof(workers));
        }

        foreach (var w in workers)
        {
            CheckCall(weights.Span, inputs.Span, observable, w);
        }

        RequireTrajectories(trajectories);
        var values = workers[0].Values(trajectories);
        BatchRows.ForEach(trajectories, workers.Count, (w, t) =>
            values[t] = TrajectoryValue(weights.Span, inputs.Span, observable, seed, t, workers[w], -1, 0));
        return Summarise(values.AsSpan(0, trajectories));
    }

    /// <summary>Runs trajectory <paramref name="t"/> of seed <paramref name="seed"/> and measures ⟨O⟩ on it exactly.</summary>
    internal double TrajectoryValue(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, ulong seed, int t,
        TrajectoryWorkspace ws, int shiftedInstruction, double shift)
    {
        TrajectorySeeds.Reseed(ws.Random, seed, (ulong)t);
        Run(weights, inputs, ws.Random, ws, shiftedInstruction, shift);
        return Measure(ws.State.Amplitudes, observable);
    }

    /// <summary>⟨ψ|O|ψ⟩, or with readout error Σ_t c_t Σ_{T⊆S_t} (Π a)(Π b) ⟨P_t on T⟩.</summary>
    internal double Measure(ReadOnlySpan<Complex> state, PauliSum observable)
    {
        if (Readout is null)
        {
            return observable.Expectation(state);
        }

        double total = observable.Constant;
        foreach (var term in observable.Terms)
        {
            int support = term.Support;
            for (int subset = support; ; subset = (subset - 1) & support)
            {
                double factor = Readout.SubsetFactor(support, subset);
                if (factor != 0)
                {
                    int x = term.XMask & subset, z = term.ZMask & subset;
                    double e = subset == 0 ? 1 : StateKernels.PauliExpectation(state, x, z, BitOperations.PopCount((uint)(x & z)));
                    total += term.Coefficient * factor * e;
                }

                if (subset == 0)
                {
                    break;
                }
            }
        }

        return total;
    }

    /// <summary>Resets the state and runs gates and channel branches in order.</summary>
    internal void Run(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, SeededRandom random, TrajectoryWorkspace ws, int shiftedInstruction,
        double shift)
    {
        ws.State.Reset();
        RunFrom(0, weights, inputs, random, ws, shiftedInstruction, shift);
    }

    /// <summary>Runs operations <paramref name="first"/> onwards on the workspace's state.</summary>
    internal void RunFrom(int first, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, SeededRandom random, TrajectoryWorkspace ws,
        int shiftedInstruction, double shift)
    {
        var amplitudes = ws.State.Amplitudes;
        for (int j = first; j < _ops.Length; j++)
        {
            int op = _ops[j];
            if (op < 0)
            {
                _channels[~op].Apply(amplitudes, random, ws.Reduced);
                continue;
            }

            ApplyGate(op, weights, inputs, shiftedInstruction, shift, amplitudes);
        }
    }

    /// <summary>Applies instruction <paramref name="op"/> (shifted by <paramref name="shift"/> if it is the shifted one).</summary>
    internal void ApplyGate(int op, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shiftedInstruction, double shift, Span<Complex> amplitudes)
    {
        ref readonly var ins = ref _program[op];
        double theta = ins.HasAngle ? ins.Angle.Evaluate(weights, inputs) : 0;
        if (op == shiftedInstruction)
        {
            theta += shift;
        }

        if (!double.IsFinite(theta))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Gate {ins.GateIndex} ({Circuit.Gates[ins.GateIndex]}) has the angle {ins.Angle} = {theta}; every angle must be a finite number."),
                ins.Angle.Source == AngleSource.Input ? "inputs" : "weights");
        }

        InstructionExecutor.Apply(ins, theta, amplitudes, inverse: false);
    }

    private static TrajectoryEstimate Summarise(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        double mean = sum / values.Length;
        double m2 = 0;
        foreach (double v in values)
        {
            m2 += (v - mean) * (v - mean);
        }

        double se = values.Length > 1 ? Math.Sqrt(m2 / (values.Length - 1) / values.Length) : 0;
        return new TrajectoryEstimate(mean, se, values.Length);
    }

    private static void RequireTrajectories(int trajectories)
    {
        if (trajectories < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, "Run at least one trajectory.");
        }
    }

    internal void CheckCall(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, TrajectoryWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(observable);
        CheckWorkspace(workspace);
        Validate(weights, inputs);
        CircuitArguments.CheckObservable(observable, Qubits);
    }

    private void CheckWorkspace(TrajectoryWorkspace workspace)
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

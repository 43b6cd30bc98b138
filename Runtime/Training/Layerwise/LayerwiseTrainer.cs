using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;

namespace NegLR;

/// <summary>
/// Layerwise training (Skolik et al. 2021, <see cref="LayerwiseSchedule"/>): the circuit grows a block at a time, earlier
/// blocks frozen or not, then optionally partitions of the full circuit are trained in turn. Each phase runs the ordinary
/// training loop on the circuit of its active blocks (the interpreter), with a fresh optimizer for that circuit's weights,
/// the frozen weights held fixed (their gradients are not even computed by parameter shift), and every budget of
/// <see cref="TrainerOptions"/> counted across all phases. A checkpoint holds the phase, the counters and the whole
/// history, so <see cref="Resume"/> continues bit-identically.
/// </summary>
/// <remarks>
/// <c>circuitForBlocks(k)</c> builds the circuit with k blocks (k = 1 … blocks). Its weights must extend those of the
/// circuit with k − 1 blocks: block k owns weights [W_{k−1}, W_k), where W_k is circuit k's weight count (block 1 owns
/// [0, W_1), any weights before the first block included), and every gate of circuit k − 1 must appear in circuit k in
/// the same order (checked). Steps are numbered across phases; <see cref="TrainingStep.Segment"/> is the phase.
/// </remarks>
public sealed class LayerwiseTrainer
{
    private readonly Circuit[] _circuits;
    private readonly int[] _blockEnds;
    private readonly PauliSum[] _observables;
    private readonly Func<int, IOptimizer> _optimizerFactory;
    private readonly TrainerOptions _options;
    private readonly TrainingObjective _objective;
    private readonly IReadOnlyList<LayerwisePhase> _phases;

    /// <summary>Creates the trainer.</summary>
    /// <param name="circuitForBlocks">Builds the circuit with k blocks, k = 1 … <paramref name="blocks"/>.</param>
    /// <param name="blocks">Blocks of the full circuit.</param>
    /// <param name="observables">The observable(s) the objective reads (one for the built-in objectives).</param>
    /// <param name="optimizerFactory">A fresh optimizer for a phase's weight count (e.g. <c>n =&gt; new Adam(n, 0.05)</c>).</param>
    /// <param name="schedule">The phases.</param>
    /// <param name="options">Budgets and run options, counted across all phases (<see cref="TrainerOptions.MaxSteps"/> caps
    /// the steps of the whole run); restarts are not supported here.</param>
    /// <param name="objective">What to minimise; default ⟨O⟩.</param>
    public LayerwiseTrainer(Func<int, Circuit> circuitForBlocks, int blocks, IReadOnlyList<PauliSum> observables, Func<int, IOptimizer> optimizerFactory,
        LayerwiseSchedule schedule, TrainerOptions? options = null, TrainingObjective? objective = null)
    {
        ArgumentNullException.ThrowIfNull(circuitForBlocks);
        ArgumentNullException.ThrowIfNull(observables);
        ArgumentNullException.ThrowIfNull(optimizerFactory);
        ArgumentNullException.ThrowIfNull(schedule);
        _options = options ?? TrainerOptions.Default;
        _objective = objective ?? TrainingObjective.Expectation;
        if (_options.Restarts > 1)
        {
            throw new ArgumentException("Layerwise training does not combine with TrainerOptions.Restarts; run several layerwise trainers instead.", nameof(options));
        }

        _phases = schedule.Plan(blocks);
        Schedule = schedule;
        _circuits = new Circuit[blocks];
        _blockEnds = new int[blocks];
        for (int k = 1; k <= blocks; k++)
        {
            var c = circuitForBlocks(k) ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"circuitForBlocks({k}) returned null."), nameof(circuitForBlocks));
            _circuits[k - 1] = c;
            _blockEnds[k - 1] = c.WeightCount;
            if (k > 1)
            {
                CheckExtends(_circuits[k - 2], c, k);
            }
            else if (c.WeightCount < 1)
            {
                throw new ArgumentException("circuitForBlocks(1) has no weights; block 1 must own at least one.", nameof(circuitForBlocks));
            }
        }

        _observables = new PauliSum[observables.Count];
        for (int j = 0; j < _observables.Length; j++)
        {
            _observables[j] = observables[j] ?? throw new ArgumentNullException(nameof(observables));
        }

        _optimizerFactory = optimizerFactory;
        Blocks = blocks;
        // Build the first phase's trainer now, so a bad setup fails here rather than in Run.
        _ = CreatePhaseLoop(_phases[0], _options.MaxSteps, null, null, null, 0, null, null);
    }

    /// <summary>Creates the trainer for one observable.</summary>
    public LayerwiseTrainer(Func<int, Circuit> circuitForBlocks, int blocks, PauliSum observable, Func<int, IOptimizer> optimizerFactory,
        LayerwiseSchedule schedule, TrainerOptions? options = null, TrainingObjective? objective = null)
        : this(circuitForBlocks, blocks, new[] { observable ?? throw new ArgumentNullException(nameof(observable)) }, optimizerFactory, schedule, options, objective)
    {
    }

    /// <summary>Blocks of the full circuit.</summary>
    public int Blocks { get; }

    /// <summary>The schedule.</summary>
    public LayerwiseSchedule Schedule { get; }

    /// <summary>The phases, in order.</summary>
    public IReadOnlyList<LayerwisePhase> Phases => _phases;

    /// <summary>Weights of the full circuit: the length of the parameter span <see cref="Run"/> takes.</summary>
    public int WeightCount => _blockEnds[^1];

    /// <summary>The weights block <paramref name="block"/> (1-based) owns: [start, end).</summary>
    public (int Start, int End) BlockWeights(int block)
    {
        if (block < 1 || block > Blocks)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block, string.Create(CultureInfo.InvariantCulture, $"Blocks are numbered 1 to {Blocks}."));
        }

        return (block == 1 ? 0 : _blockEnds[block - 2], _blockEnds[block - 1]);
    }

    /// <summary>
    /// Trains from <paramref name="parameters"/> (the full circuit's weights, updated in place): phase by phase, each new
    /// block's weights first set to <see cref="LayerwiseSchedule.NewWeight"/>.
    /// </summary>
    public TrainingResult Run(Span<double> parameters, CancellationToken cancellationToken = default)
    {
        RequireLength(parameters);
        var run = new RunState(parameters.ToArray());
        return Continue(run, parameters, resumedAt: -1, resuming: false, cancellationToken);
    }

    /// <summary>Continues the run saved at <paramref name="checkpointPath"/> (the span is overwritten).</summary>
    /// <exception cref="FileNotFoundException">There is no checkpoint at the path.</exception>
    /// <exception cref="CheckpointException">The file is corrupt or from another setup.</exception>
    public TrainingResult Resume(string checkpointPath, Span<double> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpointPath);
        RequireLength(parameters);
        var run = ReadEnvelope(checkpointPath);
        run.Parameters.CopyTo(parameters);
        return Continue(run, parameters, resumedAt: run.Iteration, resuming: true, cancellationToken, checkpointPath);
    }

    private TrainingResult Continue(RunState run, Span<double> parameters, long resumedAt, bool resuming, CancellationToken cancellationToken,
        string? checkpointPath = null)
    {
        StopReason reason = StopReason.MaxSteps;
        long totalResumedAt = resumedAt;
        for (int p = run.Phase; p < _phases.Count; p++)
        {
            var phase = _phases[p];
            if (p != run.Phase || !resuming)
            {
                // Entering a phase: the new blocks start from NewWeight; the envelope records the full vector now.
                run.Phase = p;
                SetNewBlocks(phase, run.Parameters);
            }

            int stepsLeft = (int)Math.Min(Schedule.StepsPerPhase, _options.MaxSteps - run.Iteration);
            long? evaluations = Remaining(_options.MaxCircuitEvaluations, run.Evaluations);
            long? shots = Remaining(_options.MaxShots, run.Shots);
            long? trips = Remaining(_options.MaxRoundTrips, run.RoundTrips);
            if (stepsLeft < 1)
            {
                reason = StopReason.MaxSteps;
                break;
            }

            if (evaluations == 0 || shots == 0 || trips == 0)
            {
                reason = evaluations == 0 ? StopReason.EvaluationBudget : shots == 0 ? StopReason.ShotBudget : StopReason.RoundTripBudget;
                break;
            }

            var envelope = new Envelope(this, run);
            var loop = CreatePhaseLoop(phase, stepsLeft, evaluations, shots, trips, run.Iteration, run, envelope);
            int active = _blockEnds[phase.ActiveBlocks - 1];
            var prefix = run.Parameters.AsSpan(0, active);
            TrainingResult result;
            if (resuming && p == run.Phase && checkpointPath is not null)
            {
                resuming = false;
                result = loop.Resume(checkpointPath, prefix, cancellationToken);
            }
            else
            {
                result = loop.Run(prefix, cancellationToken);
            }

            run.Absorb(result, p);
            run.Parameters.CopyTo(parameters);
            reason = result.StopReason;
            if (reason is StopReason.TargetLoss or StopReason.Cancelled or StopReason.EvaluationBudget or StopReason.ShotBudget or StopReason.RoundTripBudget)
            {
                break;
            }
        }

        double finalLoss = FullLoss(run.Parameters);
        run.Parameters.CopyTo(parameters);
        return new TrainingResult(reason, run.Iteration, finalLoss, run.BestLoss, false, run.Evaluations, run.Shots,
            TimeSpan.FromTicks(run.ElapsedTicks), new TrainingHistory(run.History.ToArray()), totalResumedAt, run.RoundTrips, 1, -1, double.NaN);
    }

    /// <summary>The loop of one phase: the active blocks' circuit, its weights' mask, remaining budgets, global numbering.</summary>
    private TrainingLoop<InterpreterModel> CreatePhaseLoop(LayerwisePhase phase, int maxSteps, long? evaluations, long? shots, long? trips,
        long iterationOffset, RunState? run, Envelope? envelope)
    {
        var circuit = _circuits[phase.ActiveBlocks - 1];
        int weights = circuit.WeightCount;
        var trainable = new bool[weights];
        var (start, _) = BlockWeights(phase.FirstTrainedBlock);
        var (_, end) = BlockWeights(phase.LastTrainedBlock);
        for (int w = start; w < end; w++)
        {
            trainable[w] = true;
        }

        TrainingCallback? onStep = null;
        if (_options.OnStep is TrainingCallback user && run is not null)
        {
            onStep = s => user(run.Shift(s));
        }

        var options = _options.ForPhase(maxSteps, evaluations, shots, trips, PhaseSeed(phase.Index), onStep);
        var interpreter = new CircuitInterpreter(circuit);
        bool withShots = options.Shots is not null;
        var model = new InterpreterModel(interpreter, _observables[0], withShots);
        var setup = new LoopSetup
        {
            Structure = () => new CircuitStructure(circuit),
            Observables = new ObservablesModel(interpreter, _observables, withShots, trainable),
            Trainable = trainable,
            SegmentOffset = phase.Index,
            Envelope = envelope,
        };
        _ = iterationOffset;
        return new TrainingLoop<InterpreterModel>(model, _optimizerFactory(weights), options, _objective, setup);
    }

    /// <summary>Each phase's generators (batch order, shots) get their own stream of the run's seed.</summary>
    private ulong PhaseSeed(int phase) => SeededRandom.ForStream(_options.Seed, 500 + (ulong)phase).NextUInt64();

    private void SetNewBlocks(LayerwisePhase phase, double[] parameters)
    {
        if (!phase.Growth || phase.FirstNewBlock > phase.ActiveBlocks)
        {
            return;
        }

        int start = BlockWeights(phase.FirstNewBlock).Start;
        int end = _blockEnds[phase.ActiveBlocks - 1];
        // The first phase keeps the caller's start for block 1 … s; later phases set only their new blocks.
        if (phase.Index == 0)
        {
            return;
        }

        for (int w = start; w < end; w++)
        {
            parameters[w] = Schedule.NewWeight;
        }
    }

    private double FullLoss(double[] parameters)
    {
        var full = _circuits[^1];
        var interpreter = new CircuitInterpreter(full);
        var model = new InterpreterModel(interpreter, _observables[0], shots: false);
        var setup = new LoopSetup { Observables = _observables.Length > 1 ? new ObservablesModel(interpreter, _observables, false, null) : null };
        return new TrainingLoop<InterpreterModel>(model, new GradientDescent(full.WeightCount), new TrainerOptions(), _objective, setup).ExactLoss(parameters);
    }

    private static long? Remaining(long? budget, long used) => budget is long b ? Math.Max(b - used, 0) : null;

    private void RequireLength(Span<double> parameters)
    {
        if (parameters.Length != WeightCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The full circuit has {WeightCount} weights, but {parameters.Length} parameters were given."), nameof(parameters));
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            if (!double.IsFinite(parameters[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"parameters[{i}] is {parameters[i]}; start from finite parameters."), nameof(parameters));
            }
        }
    }

    private static void CheckExtends(Circuit smaller, Circuit larger, int k)
    {
        if (larger.WeightCount <= smaller.WeightCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"circuitForBlocks({k}) has {larger.WeightCount} weights, no more than circuitForBlocks({k - 1})'s {smaller.WeightCount}; each block must add weights."), "circuitForBlocks");
        }

        int j = 0;
        foreach (var gate in smaller.Gates)
        {
            while (j < larger.Gates.Count && !larger.Gates[j].Equals(gate))
            {
                j++;
            }

            if (j == larger.Gates.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"circuitForBlocks({k}) does not contain circuitForBlocks({k - 1})'s gate {gate} in order; a larger circuit must extend the smaller one with the same weight numbers."), "circuitForBlocks");
            }

            j++;
        }
    }

    private string Fingerprint()
    {
        var ends = string.Join(",", _blockEnds);
        return string.Create(CultureInfo.InvariantCulture, $"blocks={Blocks};weights={ends};{Schedule.Fingerprint};observables={_observables.Length}");
    }

    private RunState ReadEnvelope(string path)
    {
        byte[] payload = CheckpointFile.Read(path);
        try
        {
            using var stream = new MemoryStream(payload, writable: false);
            var reader = new CheckpointReader(stream);
            return Envelope.Read(this, reader);
        }
        catch (CheckpointException e)
        {
            throw new CheckpointException($"Cannot resume from '{path}': {e.Message}", e);
        }
    }

    /// <summary>The run across phases: counters, history and the full weight vector at the current phase's start.</summary>
    private sealed class RunState
    {
        public RunState(double[] parameters)
        {
            Parameters = parameters;
        }

        public int Phase;
        public long Iteration;
        public long Evaluations;
        public long Shots;
        public long RoundTrips;
        public long ElapsedTicks;
        public double BestLoss = double.PositiveInfinity;
        public double[] Parameters;
        public List<TrainingStep> History { get; } = new();

        /// <summary>A phase's record in the whole run's numbering.</summary>
        public TrainingStep Shift(TrainingStep s) => new(s.Iteration + Iteration, s.Loss, s.GradientNorm, s.LearningRate, s.Phase, s.TrialLoss,
            s.CircuitEvaluations + Evaluations, s.Shots + Shots, s.Elapsed + TimeSpan.FromTicks(ElapsedTicks), s.RoundTrips + RoundTrips, s.Segment);

        /// <summary>Adds a finished phase's steps and counters.</summary>
        public void Absorb(TrainingResult result, int phase)
        {
            foreach (var s in result.History)
            {
                History.Add(Shift(s));
            }

            Iteration += result.Steps;
            Evaluations += result.CircuitEvaluations;
            Shots += result.Shots;
            RoundTrips += result.RoundTrips;
            ElapsedTicks += result.Elapsed.Ticks;
            BestLoss = Math.Min(BestLoss, result.BestStepLoss);
            Phase = phase + 1;
        }
    }

    /// <summary>The run's state in front of the phase loop's own checkpoint section.</summary>
    private sealed class Envelope : ICheckpointEnvelope
    {
        private const string Section = "Layerwise";
        private const int Version = 1;
        private readonly LayerwiseTrainer _trainer;
        private readonly RunState _run;

        public Envelope(LayerwiseTrainer trainer, RunState run)
        {
            _trainer = trainer;
            _run = run;
        }

        public void Write(CheckpointWriter writer)
        {
            writer.WriteSection(Section, Version);
            writer.WriteString(_trainer.Fingerprint());
            writer.WriteInt32(_run.Phase);
            writer.WriteInt64(_run.Iteration);
            writer.WriteInt64(_run.Evaluations);
            writer.WriteInt64(_run.Shots);
            writer.WriteInt64(_run.RoundTrips);
            writer.WriteInt64(_run.ElapsedTicks);
            writer.WriteDouble(_run.BestLoss);
            writer.WriteDoubles(_run.Parameters);
            writer.WriteInt32(_run.History.Count);
            foreach (var s in _run.History)
            {
                writer.WriteInt64(s.Iteration);
                writer.WriteDouble(s.Loss);
                writer.WriteDouble(s.GradientNorm);
                writer.WriteDouble(s.LearningRate);
                writer.WriteInt32((int)s.Phase);
                writer.WriteDouble(s.TrialLoss);
                writer.WriteInt64(s.CircuitEvaluations);
                writer.WriteInt64(s.Shots);
                writer.WriteInt64(s.Elapsed.Ticks);
                writer.WriteInt64(s.RoundTrips);
                writer.WriteInt32(s.Segment);
            }
        }

        public void Check(CheckpointReader reader)
        {
            var saved = Read(_trainer, reader);
            if (saved.Phase != _run.Phase || saved.Iteration != _run.Iteration)
            {
                throw new CheckpointException("The layerwise checkpoint's phase does not match the phase being resumed; the data is corrupt.");
            }
        }

        public static RunState Read(LayerwiseTrainer trainer, CheckpointReader reader)
        {
            reader.ReadSection(Section, Version);
            string fingerprint = reader.ReadString();
            if (fingerprint != trainer.Fingerprint())
            {
                throw new CheckpointException($"The checkpoint was written by a layerwise run with '{fingerprint}', but this trainer has '{trainer.Fingerprint()}'; resume with the same setup.");
            }

            var run = new RunState(new double[trainer.WeightCount])
            {
                Phase = reader.ReadInt32(),
                Iteration = reader.ReadInt64(),
                Evaluations = reader.ReadInt64(),
                Shots = reader.ReadInt64(),
                RoundTrips = reader.ReadInt64(),
                ElapsedTicks = reader.ReadInt64(),
                BestLoss = reader.ReadDouble(),
            };
            if (run.Phase < 0 || run.Phase >= trainer._phases.Count || run.Iteration < 0 || run.Evaluations < 0 || run.Shots < 0 || run.RoundTrips < 0
                || run.ElapsedTicks < 0 || !(run.BestLoss == double.PositiveInfinity || double.IsFinite(run.BestLoss)))
            {
                throw new CheckpointException("The layerwise checkpoint holds impossible counters; the data is corrupt.");
            }

            reader.ReadDoubles(run.Parameters, "full circuit's parameters");
            int count = reader.ReadInt32();
            if (count != run.Iteration)
            {
                throw new CheckpointException("The layerwise checkpoint's history does not match its step count; the data is corrupt.");
            }

            for (int i = 0; i < count; i++)
            {
                long iteration = reader.ReadInt64();
                double loss = reader.ReadDouble(), norm = reader.ReadDouble(), rate = reader.ReadDouble();
                int phase = reader.ReadInt32();
                double trial = reader.ReadDouble();
                long evaluations = reader.ReadInt64(), shots = reader.ReadInt64(), ticks = reader.ReadInt64(), trips = reader.ReadInt64();
                int segment = reader.ReadInt32();
                if (iteration != i || !double.IsFinite(loss) || phase is < 0 or > 3 || segment < 0 || segment >= trainer._phases.Count
                    || evaluations < 0 || shots < 0 || ticks < 0 || trips < 0)
                {
                    throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                        $"The layerwise checkpoint's history entry {i} holds impossible values; the data is corrupt."));
                }

                run.History.Add(new TrainingStep(iteration, loss, norm, rate, (NlrPhase)phase, trial, evaluations, shots, TimeSpan.FromTicks(ticks), trips, segment));
            }

            return run;
        }
    }
}

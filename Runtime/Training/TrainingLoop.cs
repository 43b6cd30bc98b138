using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace NegLR;

/// <summary>
/// The one training loop: for every step, pick the batch, compute loss and gradient (or only the loss, for optimizers that
/// need no gradient), let the optimizer step (it may call back for trials, outputs at other points, the metric tensor or
/// fidelities), count the cost, record, checkpoint, call back, and check the stopping rules; with restarts, split the
/// budget into segments. Generic over the model so generated ansätze run without virtual calls; once constructed, a step
/// in exact mode allocates nothing.
/// </summary>
internal sealed partial class TrainingLoop<TModel> : ITrainingLoop, ICircuitOracle
    where TModel : struct, IExpectationModel
{
    private readonly TModel _model;
    private readonly ObservablesModel? _observables;
    private readonly IOptimizer _optimizer;
    private readonly ICircuitOptimizer? _circuitOptimizer;
    private readonly IKeepsBest? _keepsBest;
    private readonly Spsa? _spsa;
    private readonly TrainerOptions _options;
    private readonly TrainingObjective _objective;
    private readonly LoopSetup _setup;
    private readonly int _n;
    private readonly int _m;
    private readonly int _shotsPerEvaluation;
    private readonly double[] _gradient;
    private readonly double[] _sampleGradient;
    private readonly double[] _shifted;
    private readonly double[] _delta;
    private readonly double[] _outputs;
    private readonly double[] _trialOutputs;
    private readonly double[] _rowOutputs;
    private readonly double[] _rowErrors;
    private readonly double[] _rowDerivatives;
    private readonly double[] _stepStart;
    private readonly double[] _frozen;
    private readonly int[] _order;
    private readonly SeededRandom _batchRandom;
    private readonly SeededRandom _shotRandom;
    private readonly SeededRandom _spsaRandom;
    private readonly long _startEvaluationsPerRow;
    private readonly long _extraEvaluationsPerRow;
    private readonly long _extraRoundTrips;
    private CircuitStructure? _structure;

    // Run state: everything below is in the checkpoint.
    private long _iteration;
    private long _evaluations;
    private long _shots;
    private long _roundTrips;
    private int _cursor;
    private int _batchStart;
    private double _bestLoss;
    private double _patienceReference;
    private long _sinceImprovement;
    private long _elapsedTicksBefore;
    private TrainingStep[] _history = Array.Empty<TrainingStep>();
    private int _historyCount;

    // Per step, not saved: standard errors of the step's loss and of the latest trial, and what the step spent.
    private double _lossStandardError;
    private double _trialStandardError;
    private double _lastTrialLoss;
    private long _startTimestamp;

    public TrainingLoop(TModel model, IOptimizer optimizer, TrainerOptions? options, TrainingObjective? objective, LoopSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        _model = model;
        _optimizer = optimizer;
        _options = options ?? TrainerOptions.Default;
        _objective = objective ?? TrainingObjective.Expectation;
        _setup = setup ?? new LoopSetup();
        _observables = _setup.Observables;
        _n = _observables?.WeightCount ?? model.WeightCount;
        _m = _objective.OutputCount;
        _keepsBest = optimizer as IKeepsBest;
        _circuitOptimizer = optimizer as ICircuitOptimizer;
        _spsa = optimizer as Spsa ?? (optimizer as NegativeLearningRate)?.Base as Spsa;
        if (optimizer.ParameterCount != _n)
        {
            throw new ArgumentException(Invariant(
                $"The optimizer was made for {optimizer.ParameterCount} parameters, but the circuit has {_n} weights; create it with the circuit's weight count."), nameof(optimizer));
        }

        if (_m > 1 && _observables is null)
        {
            throw new ArgumentException(Invariant(
                $"The loss '{_objective.CustomLoss!.Name}' reads {_m} observables; pass them to the Trainer's constructor that takes a list of observables."), "objective");
        }

        if (_observables is not null && _observables.OutputCount != _m)
        {
            throw new ArgumentException(Invariant(
                $"The trainer was given {_observables.OutputCount} observables, but the objective's loss reads {_m}; give exactly one observable per value the loss reads."), "objective");
        }

        if (_setup.Trainable is bool[] mask && mask.Length != _n)
        {
            throw new ArgumentException(Invariant($"The trainable mask has {mask.Length} entries; the circuit has {_n} weights."), nameof(setup));
        }

        CheckObjective();
        Method = ResolveMethod();
        _shotsPerEvaluation = _options.Shots ?? 0;
        int minimumShots = _observables?.MinimumShots ?? model.MinimumShots;
        if (_options.Shots is int shots && shots < minimumShots)
        {
            throw new ArgumentException(Invariant(
                $"Shots = {shots} is too few: each estimate needs at least one shot per measurement group ({minimumShots}{(_m > 1 ? Invariant($" over {_m} observables") : "")})."), "options");
        }

        if (_options.Restarts > 1 && _setup.Structure is null)
        {
            throw new ArgumentException("Restarts need the circuit to draw new starting weights from; this trainer has none.", "options");
        }

        int batch = _objective.BatchSize;
        _gradient = new double[_n];
        _sampleGradient = new double[_n];
        _shifted = new double[_n];
        _delta = new double[_n];
        _outputs = new double[batch * _m];
        _trialOutputs = new double[_observables is null ? 0 : batch * _m];
        _rowOutputs = new double[_m];
        _rowErrors = new double[_m];
        _rowDerivatives = new double[_m];
        _stepStart = new double[_circuitOptimizer is null ? 0 : _n];
        _frozen = new double[_setup.Trainable is null ? 0 : _n];
        _order = new int[_objective.SampleCount];
        _batchRandom = SeededRandom.ForStream(_options.Seed, 0);
        _shotRandom = SeededRandom.ForStream(_options.Seed, 1);
        _spsaRandom = SeededRandom.ForStream(_options.Seed, 2);
        _bestSegmentParameters = new double[_options.Restarts > 1 ? _n : 0];

        bool needsGradient = _circuitOptimizer?.NeedsGradient ?? true;
        _startEvaluationsPerRow = needsGradient ? GradientEvaluationsPerSample() : 1;
        long trials = optimizer.MaxTrialEvaluationsPerStep;
        if (trials < 0)
        {
            throw new ArgumentException(Invariant($"{optimizer.Name} reports {trials} trial evaluations per step; it must be 0 or more."), nameof(optimizer));
        }

        var extra = _circuitOptimizer?.Attach(Structure).Checked(optimizer.Name) ?? StepCost.None;
        _extraEvaluationsPerRow = trials + extra.EvaluationsPerRow;
        _extraRoundTrips = trials + extra.RoundTrips;
    }

    public GradientMethod Method { get; }

    /// <summary>The circuit's structure (built on first use).</summary>
    public CircuitStructure Structure => _structure ??= _setup.Structure?.Invoke()
        ?? throw new InvalidOperationException("This trainer has no circuit structure to offer.");

    /// <summary>Most circuit evaluations one step costs: its start (gradient or loss), trials and the optimizer's extras.</summary>
    public long EvaluationsPerStep => (_startEvaluationsPerRow + _extraEvaluationsPerRow) * _objective.BatchSize;

    /// <summary>Most shots one step costs (every evaluation in shot mode spends <see cref="TrainerOptions.Shots"/>).</summary>
    public long ShotsPerStep => EvaluationsPerStep * _shotsPerEvaluation;

    /// <summary>Most sequential round trips one step takes: 1 for its start, plus trials and the optimizer's extras.</summary>
    public long RoundTripsPerStep => 1 + _extraRoundTrips;

    public TrainingResult Run(Span<double> parameters, CancellationToken cancellationToken)
    {
        CheckParameters(parameters);
        _optimizer.Reset();
        ResetRunState();
        return Loop(parameters, resumedAt: -1, cancellationToken);
    }

    public TrainingResult Resume(string checkpointPath, Span<double> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpointPath);
        if (parameters.Length != _n)
        {
            throw new ArgumentException(Invariant($"The circuit has {_n} weights, but {parameters.Length} parameters were given."), nameof(parameters));
        }

        LoadCheckpoint(checkpointPath, parameters);
        return Loop(parameters, _iteration, cancellationToken);
    }

    private TrainingResult Loop(Span<double> parameters, long resumedAt, CancellationToken cancellationToken)
    {
        EnsureHistoryCapacity(_options.MaxSteps);
        _startTimestamp = Stopwatch.GetTimestamp();
        StopReason reason;
        long lastCheckpoint = -1;
        // A run resumed from the checkpoint of its last step continues as the uninterrupted run did after that step: its
        // stopping rules (or a restart's switch) apply before any new step.
        bool checkLastStep = resumedAt > 0 && _historyCount > 0;
        while (true)
        {
            if (checkLastStep)
            {
                checkLastStep = false;
                var last = _history[_historyCount - 1];
                if (_options.TargetLoss is double reached && last.Loss <= reached)
                {
                    reason = StopReason.TargetLoss;
                    break;
                }

                if (EarlyStop(last.GradientNorm) is StopReason stopped)
                {
                    if (Restarting && _segment < _options.Restarts - 1 && !_segmentFinished)
                    {
                        FinishSegment(parameters);
                        StartNextSegment(parameters);
                        continue;
                    }

                    if (!Restarting || _segment == _options.Restarts - 1)
                    {
                        reason = stopped;
                        break;
                    }
                }
            }

            if (_iteration >= _options.MaxSteps)
            {
                reason = StopReason.MaxSteps;
                break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                reason = StopReason.Cancelled;
                break;
            }

            if (BudgetExhausted() is StopReason budget)
            {
                reason = budget;
                break;
            }

            if (Restarting && !SegmentHasRoom())
            {
                FinishSegment(parameters);
                StartNextSegment(parameters);
                continue;
            }

            NextBatch();
            long evaluationsBefore = _evaluations, roundTripsBefore = _roundTrips;
            _lastTrialLoss = double.NaN;
            _trialStandardError = 0;
            if (_frozen.Length > 0)
            {
                parameters.CopyTo(_frozen);
            }

            OptimizerStep step;
            double loss, gradientNorm;
            if (_circuitOptimizer is null)
            {
                loss = LossAndGradient(parameters, _gradient);
                _roundTrips++;
                gradientNorm = Norm(_gradient);
                step = _optimizer.Step(parameters, _gradient, loss, this);
            }
            else
            {
                parameters.CopyTo(_stepStart);
                bool needsGradient = _circuitOptimizer.NeedsGradient;
                loss = needsGradient ? LossAndGradient(parameters, _gradient) : StartLoss(parameters);
                _roundTrips++;
                gradientNorm = needsGradient ? Norm(_gradient) : double.NaN;
                step = _circuitOptimizer.Step(parameters, needsGradient ? _gradient : Span<double>.Empty, loss, this);
            }

            RestoreFrozen(parameters);
            CheckSpending(evaluationsBefore, roundTripsBefore);
            // Keras's rule: only an improvement of more than MinDelta over the reference resets the count (and moves it).
            if (loss < _patienceReference - _options.MinDelta)
            {
                _patienceReference = loss;
                _sinceImprovement = 0;
            }
            else
            {
                _sinceImprovement++;
            }

            _bestLoss = Math.Min(_bestLoss, loss);
            double trialLoss = step.HasTrial ? step.TrialLoss : _lastTrialLoss;
            var record = new TrainingStep(_iteration, loss, gradientNorm, step.LearningRate, step.Phase, trialLoss,
                _evaluations, _shots, Elapsed(), _roundTrips, _setup.SegmentOffset + _segment);
            _history[_historyCount++] = record;
            _iteration++;
            if (_options.CheckpointPath is string path && _iteration % _options.CheckpointInterval == 0)
            {
                SaveCheckpoint(path, parameters);
                lastCheckpoint = _iteration;
            }

            _options.OnStep?.Invoke(record);
            if (_options.TargetLoss is double target && loss <= target)
            {
                reason = StopReason.TargetLoss;
                break;
            }

            if (EarlyStop(gradientNorm) is StopReason stop)
            {
                if (Restarting && _segment < _options.Restarts - 1)
                {
                    FinishSegment(parameters);
                    StartNextSegment(parameters);
                    continue;
                }

                reason = stop;
                break;
            }
        }

        bool selected = false;
        if (Restarting)
        {
            FinishSegment(parameters);
            selected = SelectBestSegment(parameters);
        }

        // The checkpoint holds the training state (last parameters, or the chosen restart's), so a resumed run continues
        // from there; keep-best is applied to the returned parameters only.
        if (_options.CheckpointPath is string finalPath && (lastCheckpoint != _iteration || Restarting))
        {
            SaveCheckpoint(finalPath, parameters);
        }

        bool restoredBest = !Restarting && _keepsBest is { KeepsBest: true } && _keepsBest.TryCopyBest(parameters);
        double finalLoss = ExactLoss(parameters);
        return new TrainingResult(reason, _iteration, finalLoss, _bestLoss, restoredBest, _evaluations, _shots, Elapsed(),
            new TrainingHistory(_history.AsSpan(0, _historyCount)), resumedAt, _roundTrips,
            Restarting ? _options.Restarts : 1, selected ? _bestSegment : -1, selected ? _bestSegmentLoss : double.NaN);
    }

    /// <summary>Gradient tolerance or patience, checked after a step.</summary>
    private StopReason? EarlyStop(double gradientNorm) =>
        _options.GradientTolerance is double tolerance && gradientNorm <= tolerance ? StopReason.GradientTolerance
        : _options.Patience is int patience && _sinceImprovement >= patience ? StopReason.NoImprovement
        : null;

    /// <summary>The stop reason of the first budget the next step (and a restart's closing evaluation) would exceed.</summary>
    private StopReason? BudgetExhausted()
    {
        long evaluations = EvaluationsPerStep + SelectionEvaluations;
        long roundTrips = RoundTripsPerStep + SelectionRoundTrips;
        if (_options.MaxCircuitEvaluations is long maxEvaluations && _evaluations + evaluations > maxEvaluations)
        {
            return StopReason.EvaluationBudget;
        }

        if (_options.MaxShots is long maxShots && _shots + (evaluations * _shotsPerEvaluation) > maxShots)
        {
            return StopReason.ShotBudget;
        }

        if (_options.MaxRoundTrips is long maxRoundTrips && _roundTrips + roundTrips > maxRoundTrips)
        {
            return StopReason.RoundTripBudget;
        }

        return null;
    }

    /// <summary>An optimizer that spends more than it declared would break the budgets' guarantee: that is a bug in it.</summary>
    private void CheckSpending(long evaluationsBefore, long roundTripsBefore)
    {
        long spent = _evaluations - evaluationsBefore, trips = _roundTrips - roundTripsBefore;
        if (spent > EvaluationsPerStep || trips > RoundTripsPerStep)
        {
            throw new InvalidOperationException(Invariant(
                $"{_optimizer.Name} spent {spent} circuit evaluations and {trips} round trips in one step, more than the {EvaluationsPerStep} and {RoundTripsPerStep} it declared (MaxTrialEvaluationsPerStep and the StepCost from Attach); the budgets could not be kept."));
        }
    }

    private void RestoreFrozen(Span<double> parameters)
    {
        if (_setup.Trainable is not bool[] mask)
        {
            return;
        }

        for (int i = 0; i < mask.Length; i++)
        {
            if (!mask[i])
            {
                parameters[i] = _frozen[i];
            }
        }
    }

    private void ResetRunState()
    {
        _iteration = 0;
        _evaluations = 0;
        _shots = 0;
        _roundTrips = 0;
        _bestLoss = double.PositiveInfinity;
        _patienceReference = double.PositiveInfinity;
        _sinceImprovement = 0;
        _elapsedTicksBefore = 0;
        _historyCount = 0;
        ResetRandom(_batchRandom);
        ResetRandom(_shotRandom);
        ResetRandom(_spsaRandom);
        ResetSegments();
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        if (_objective.Shuffle)
        {
            Shuffle();
        }

        _cursor = 0;
        _batchStart = 0;
    }

    private static void ResetRandom(SeededRandom random)
    {
        Span<ulong> state = stackalloc ulong[4];
        new SeededRandom(random.Seed).SaveState(state);
        random.RestoreState(state);
    }

    /// <summary>Moves to the next batch: consecutive rows of the (shuffled) order; reshuffles when an epoch runs out.</summary>
    private void NextBatch()
    {
        int batch = _objective.BatchSize;
        if (batch >= _order.Length)
        {
            _batchStart = 0;
            return;
        }

        if (_cursor + batch > _order.Length)
        {
            if (_objective.Shuffle)
            {
                Shuffle();
            }

            _cursor = 0;
        }

        _batchStart = _cursor;
        _cursor += batch;
    }

    /// <summary>Fisher–Yates with the batch generator.</summary>
    private void Shuffle()
    {
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _batchRandom.NextInt(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }

    private void EnsureHistoryCapacity(int steps)
    {
        int needed = Math.Max(steps, _historyCount);
        if (_history.Length < needed)
        {
            Array.Resize(ref _history, needed);
        }
    }

    private TimeSpan Elapsed() => TimeSpan.FromTicks(_elapsedTicksBefore) + Stopwatch.GetElapsedTime(_startTimestamp);

    private void CheckParameters(Span<double> parameters)
    {
        if (parameters.Length != _n)
        {
            throw new ArgumentException(Invariant($"The circuit has {_n} weights, but {parameters.Length} parameters were given."), nameof(parameters));
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            if (!double.IsFinite(parameters[i]))
            {
                throw new ArgumentException(Invariant($"parameters[{i}] is {parameters[i]}; start from finite parameters."), nameof(parameters));
            }
        }
    }

    private void CheckObjective()
    {
        int inputs = _observables?.InputCount ?? _model.InputCount;
        if ((_objective.IsExpectation || (_objective.IsCustom && _objective.FeatureCount == 0)) && inputs > 0)
        {
            throw new ArgumentException(Invariant(
                $"The circuit reads {inputs} data inputs, so an objective without data has nothing to feed them; pass an objective with features (TrainingObjective.Classification or TrainingObjective.Custom with data)."), "objective");
        }

        if (_objective.FeatureCount > 0 && _objective.FeatureCount < inputs)
        {
            throw new ArgumentException(Invariant(
                $"The circuit reads {inputs} inputs, but each data row has {_objective.FeatureCount} features."), "objective");
        }
    }

    private GradientMethod ResolveMethod()
    {
        bool shots = _options.Shots is not null;
        var method = _options.Gradient;
        if (_spsa is not null)
        {
            if (method is not (GradientMethod.Auto or GradientMethod.Spsa))
            {
                throw new ArgumentException(Invariant(
                    $"The optimizer is SPSA, which estimates its own gradients; leave Gradient at Auto (or Spsa) instead of {method}."), "options");
            }

            return GradientMethod.Spsa;
        }

        if (method == GradientMethod.Auto)
        {
            return shots ? GradientMethod.ParameterShift : GradientMethod.Adjoint;
        }

        if (shots && method is GradientMethod.Adjoint or GradientMethod.FiniteDifference)
        {
            throw new ArgumentException(Invariant(
                $"{method} gradients need exact expectations; with Shots set use ParameterShift or Spsa (or Auto)."), "options");
        }

        return method;
    }

    /// <summary>Circuit evaluations of one row's loss-and-gradient with the resolved method (see GradientMethod's docs).</summary>
    private long GradientEvaluationsPerSample() => Method switch
    {
        GradientMethod.Adjoint => _options.AdjointEvaluationCost,
        GradientMethod.ParameterShift => (long)(_observables?.ParameterShiftRuns ?? _model.ParameterShiftRuns) + 1,
        GradientMethod.FiniteDifference => (2L * TrainableCount()) + 1,
        _ => 2,
    };

    private int TrainableCount()
    {
        if (_setup.Trainable is not bool[] mask)
        {
            return _n;
        }

        int count = 0;
        foreach (bool t in mask)
        {
            count += t ? 1 : 0;
        }

        return count;
    }

    private bool IsTrainableWeight(int w) => _setup.Trainable is not bool[] mask || mask[w];

    private static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

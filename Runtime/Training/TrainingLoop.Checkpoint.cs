using System;
using System.IO;

namespace NegLR;

// Checkpoints: everything a step depends on (parameters, optimizer state, generators, batch position, counters,
// early-stopping and restart state) plus the history, so a resumed run continues bit-identically and reports the whole
// run. Every field read back is validated: a file that is sealed correctly but holds impossible values (written by other
// code, or altered and re-sealed) is a CheckpointException naming the file and the field, never a crash later.
internal sealed partial class TrainingLoop<TModel>
{
    private const string Section = "Trainer";
    private const int StateVersion = 2;

    /// <summary>A thousand years: more elapsed time than any run has; beyond it the arithmetic on it could overflow.</summary>
    private static readonly long MaxElapsedTicks = TimeSpan.FromDays(365_000).Ticks;

    /// <summary>Counters beyond this would overflow when a step's cost is added to them.</summary>
    private const long MaxCount = long.MaxValue / 4;

    private void SaveCheckpoint(string path, ReadOnlySpan<double> parameters)
    {
        using var stream = new MemoryStream();
        var writer = new CheckpointWriter(stream);
        _setup.Envelope?.Write(writer);
        writer.WriteSection(Section, StateVersion);
        WriteFingerprint(writer);
        writer.WriteInt64(_iteration);
        writer.WriteInt64(_evaluations);
        writer.WriteInt64(_shots);
        writer.WriteInt64(_roundTrips);
        writer.WriteInt32(_cursor);
        writer.WriteInt32(_batchStart);
        writer.WriteDouble(_bestLoss);
        writer.WriteDouble(_patienceReference);
        writer.WriteInt64(_sinceImprovement);
        writer.WriteInt64(Elapsed().Ticks);
        writer.WriteDoubles(parameters);
        writer.WriteInt32s(_order);
        writer.WriteRandom(_batchRandom);
        writer.WriteRandom(_shotRandom);
        writer.WriteRandom(_spsaRandom);
        writer.WriteInt32(_segment);
        writer.WriteBoolean(_segmentFinished);
        writer.WriteInt32(_bestSegment);
        writer.WriteDouble(_bestSegmentLoss);
        writer.WriteDoubles(_bestSegmentParameters);
        writer.WriteInt32(_historyCount);
        for (int i = 0; i < _historyCount; i++)
        {
            var s = _history[i];
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

        _optimizer.SaveState(writer);
        writer.Flush();
        CheckpointFile.Write(path, stream.GetBuffer().AsSpan(0, (int)stream.Length));
    }

    private void LoadCheckpoint(string path, Span<double> parameters)
    {
        byte[] payload = CheckpointFile.Read(path);
        try
        {
            using var stream = new MemoryStream(payload, writable: false);
            var reader = new CheckpointReader(stream);
            _setup.Envelope?.Check(reader);
            int version = reader.ReadSection(Section, StateVersion);
            CheckFingerprint(reader, version);
            long iteration = reader.ReadInt64();
            long evaluations = reader.ReadInt64();
            long shots = reader.ReadInt64();
            long roundTrips = version >= 2 ? reader.ReadInt64() : 0;
            int cursor = reader.ReadInt32();
            int batchStart = reader.ReadInt32();
            double bestLoss = reader.ReadDouble();
            double patienceReference = reader.ReadDouble();
            long sinceImprovement = reader.ReadInt64();
            long elapsedTicks = reader.ReadInt64();
            Require(iteration is >= 0 and <= int.MaxValue, "step count", iteration);
            Require(evaluations >= 0, "circuit evaluation count", evaluations);
            Require(shots >= 0, "shot count", shots);
            Require(roundTrips >= 0, "round-trip count", roundTrips);
            Require(cursor >= 0 && cursor <= _order.Length, "batch cursor", cursor);
            Require(batchStart >= 0 && batchStart <= _order.Length && batchStart + Math.Min(_objective.BatchSize, _order.Length) <= _order.Length,
                "batch start", batchStart);
            Require(patienceReference == double.PositiveInfinity || double.IsFinite(patienceReference), "patience reference loss", patienceReference);
            Require(sinceImprovement >= 0 && sinceImprovement <= iteration, "steps since the last improvement", sinceImprovement);
            Require(elapsedTicks >= 0 && elapsedTicks <= MaxElapsedTicks, "elapsed time (ticks)", elapsedTicks);
            Require(evaluations <= MaxCount && shots <= MaxCount && roundTrips <= MaxCount, "counters (beyond any budget)", Math.Max(evaluations, Math.Max(shots, roundTrips)));

            var savedParameters = new double[_n];
            reader.ReadDoubles(savedParameters, "parameters");
            var order = new int[_order.Length];
            reader.ReadInt32s(order, "batch order");
            RequirePermutation(order);
            reader.ReadRandom(_batchRandom, "batch-order generator");
            reader.ReadRandom(_shotRandom, "shot generator");
            reader.ReadRandom(_spsaRandom, "SPSA generator");

            int segment = 0, bestSegment = -1;
            bool segmentFinished = false;
            double bestSegmentLoss = double.PositiveInfinity;
            var bestSegmentParameters = new double[_bestSegmentParameters.Length];
            if (version >= 2)
            {
                segment = reader.ReadInt32();
                segmentFinished = reader.ReadBoolean();
                bestSegment = reader.ReadInt32();
                bestSegmentLoss = reader.ReadDouble();
                reader.ReadDoubles(bestSegmentParameters, "best restart's parameters");
                Require(segment >= 0 && segment < _options.Restarts, "restart number", segment);
                Require(bestSegment >= -1 && bestSegment <= segment, "chosen restart", bestSegment);
                Require(bestSegment == -1 ? bestSegmentLoss == double.PositiveInfinity : double.IsFinite(bestSegmentLoss),
                    "chosen restart's loss", bestSegmentLoss);
            }

            int count = reader.ReadInt32();
            Require(count == iteration, "history length", count);
            // Every entry takes a fixed number of bytes: a count the rest of the file cannot hold is corrupt, and checking it
            // first keeps a forged count from allocating gigabytes.
            Require((long)count * (version >= 2 ? 80 : 68) <= stream.Length - stream.Position, "history length (longer than the file)", count);
            var history = new TrainingStep[Math.Max(count, _options.MaxSteps)];
            double lowest = double.PositiveInfinity;
            for (int i = 0; i < count; i++)
            {
                var s = ReadHistoryEntry(reader, version, i, i == 0 ? null : history[i - 1]);
                history[i] = s;
                lowest = Math.Min(lowest, s.Loss);
            }

            if (count > 0)
            {
                var last = history[count - 1];
                Require(last.CircuitEvaluations <= evaluations && last.Shots <= shots && last.Elapsed.Ticks <= elapsedTicks,
                    "last history entry's counters (above the run's totals)", last.Iteration);
                Require(last.Segment - _setup.SegmentOffset <= segment, "last history entry's restart", last.Segment);
            }

            if (version < 2)
            {
                // Version 1 had no round trips: every step then cost one, plus one for a Lookahead trial.
                long trips = 0;
                for (int i = 0; i < count; i++)
                {
                    var s = history[i];
                    trips += s.HasTrialLoss ? 2 : 1;
                    history[i] = new TrainingStep(s.Iteration, s.Loss, s.GradientNorm, s.LearningRate, s.Phase, s.TrialLoss,
                        s.CircuitEvaluations, s.Shots, s.Elapsed, trips, _setup.SegmentOffset);
                }

                roundTrips = trips;
            }
            else if (count > 0)
            {
                Require(history[count - 1].RoundTrips <= roundTrips, "round-trip count (below the history's)", roundTrips);
            }

            Require(count == 0 ? bestLoss == double.PositiveInfinity : bestLoss == lowest, "best step loss", bestLoss);
            _optimizer.RestoreState(reader);
            if (stream.Position != stream.Length)
            {
                throw new CheckpointException("The checkpoint has data left over after the optimizer's state; it was written by a different setup.");
            }

            // Commit only after everything parsed, so a bad file leaves the trainer's arrays untouched.
            _iteration = iteration;
            _evaluations = evaluations;
            _shots = shots;
            _roundTrips = roundTrips;
            _cursor = cursor;
            _batchStart = batchStart;
            _bestLoss = bestLoss;
            _patienceReference = patienceReference;
            _sinceImprovement = sinceImprovement;
            _elapsedTicksBefore = elapsedTicks;
            _segment = segment;
            _segmentFinished = segmentFinished;
            _bestSegment = bestSegment;
            _bestSegmentLoss = bestSegmentLoss;
            bestSegmentParameters.CopyTo(_bestSegmentParameters, 0);
            order.CopyTo(_order, 0);
            _history = history;
            _historyCount = count;
            savedParameters.CopyTo(parameters);
        }
        catch (CheckpointException e)
        {
            throw new CheckpointException($"Cannot resume from '{path}': {e.Message}", e);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or InvalidOperationException
            or IndexOutOfRangeException or InvalidCastException or EndOfStreamException)
        {
            // Anything an optimizer's or a generator's restore throws on values it cannot take is the same fault: bad data.
            throw new CheckpointException($"Cannot resume from '{path}': its contents are invalid ({e.GetType().Name}: {e.Message}).", e);
        }
    }

    private TrainingStep ReadHistoryEntry(CheckpointReader reader, int version, int index, TrainingStep? previous)
    {
        long iteration = reader.ReadInt64();
        double loss = reader.ReadDouble();
        double norm = reader.ReadDouble();
        double rate = reader.ReadDouble();
        int phase = reader.ReadInt32();
        double trial = reader.ReadDouble();
        long evaluations = reader.ReadInt64();
        long shots = reader.ReadInt64();
        long ticks = reader.ReadInt64();
        long roundTrips = version >= 2 ? reader.ReadInt64() : 0;
        int segment = version >= 2 ? reader.ReadInt32() : _setup.SegmentOffset;
        string entry = "history entry " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "'s ";
        Require(iteration == index, entry + "step number", iteration);
        Require(double.IsFinite(loss), entry + "loss", loss);
        Require(double.IsNaN(norm) || (double.IsFinite(norm) && norm >= 0), entry + "gradient norm", norm);
        Require(double.IsNaN(rate) || double.IsFinite(rate), entry + "learning rate", rate);
        Require(phase is >= 0 and <= 3 && (version >= 2 || phase <= 1), entry + "phase", phase);
        Require(double.IsNaN(trial) || double.IsFinite(trial), entry + "trial loss", trial);
        Require(evaluations >= (previous?.CircuitEvaluations ?? 0), entry + "circuit evaluation count", evaluations);
        Require(shots >= (previous?.Shots ?? 0), entry + "shot count", shots);
        Require(ticks >= (previous?.Elapsed.Ticks ?? 0), entry + "elapsed time (ticks)", ticks);
        Require(roundTrips >= (previous?.RoundTrips ?? 0), entry + "round-trip count", roundTrips);
        Require(segment >= (previous?.Segment ?? _setup.SegmentOffset) && segment < _setup.SegmentOffset + _options.Restarts, entry + "restart", segment);
        return new TrainingStep(iteration, loss, norm, rate, (NlrPhase)phase, trial, evaluations, shots, TimeSpan.FromTicks(ticks), roundTrips, segment);
    }

    private static void RequirePermutation(int[] order)
    {
        var seen = new bool[order.Length];
        foreach (int row in order)
        {
            if ((uint)row >= (uint)order.Length || seen[row])
            {
                throw new CheckpointException(Invariant(
                    $"The batch order in the checkpoint is not a permutation of the {order.Length} data rows (row {row}); the data is corrupt."));
            }

            seen[row] = true;
        }
    }

    private static void Require(bool condition, string what, object value)
    {
        if (!condition)
        {
            throw new CheckpointException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "The checkpoint's {0} is {1}, which no run can produce; the file was altered or written by different code.", what, value));
        }
    }

    /// <summary>What must match for a resumed run to be the same run (the data itself is summarised by its shape).</summary>
    private void WriteFingerprint(CheckpointWriter writer)
    {
        writer.WriteString(_optimizer.Name);
        writer.WriteInt32(_n);
        writer.WriteInt64(unchecked((long)_options.Seed));
        writer.WriteInt32(_shotsPerEvaluation);
        writer.WriteInt32((int)Method);
        writer.WriteBoolean(_objective.IsExpectation);
        writer.WriteInt32(_objective.SampleCount);
        writer.WriteInt32(_objective.FeatureCount);
        writer.WriteInt32(_objective.BatchSize);
        writer.WriteInt32((int)_objective.Loss);
        writer.WriteString(_objective.CustomLoss?.Name ?? "");
        writer.WriteInt32(_m);
        writer.WriteInt32(_objective.LabelWidth);
        writer.WriteInt32(_options.Restarts);
        writer.WriteInt64(RestartBudgetTotal());
        writer.WriteString(Restarting ? _options.RestartInitialization.Name : "");
    }

    private void CheckFingerprint(CheckpointReader reader, int version)
    {
        Expect(reader.ReadString(), _optimizer.Name, "optimizer");
        Expect(reader.ReadInt32(), _n, "number of weights");
        Expect(unchecked((ulong)reader.ReadInt64()), _options.Seed, "seed (TrainerOptions.Seed)");
        Expect(reader.ReadInt32(), _shotsPerEvaluation, "shots per evaluation (0 = exact)");
        Expect((GradientMethod)reader.ReadInt32(), Method, "gradient method");
        Expect(reader.ReadBoolean(), _objective.IsExpectation, "objective kind (expectation or data)");
        Expect(reader.ReadInt32(), _objective.SampleCount, "number of data rows");
        Expect(reader.ReadInt32(), _objective.FeatureCount, "features per row");
        Expect(reader.ReadInt32(), _objective.BatchSize, "batch size");
        Expect((ClassificationLoss)reader.ReadInt32(), _objective.Loss, "classification loss");
        if (version < 2)
        {
            // Version 1 knew neither custom losses nor restarts.
            Expect("", _objective.CustomLoss?.Name ?? "", "custom loss");
            Expect(1, _options.Restarts, "restarts");
            return;
        }

        Expect(reader.ReadString(), _objective.CustomLoss?.Name ?? "", "custom loss");
        Expect(reader.ReadInt32(), _m, "observables per row");
        Expect(reader.ReadInt32(), _objective.LabelWidth, "labels per row");
        Expect(reader.ReadInt32(), _options.Restarts, "restarts (TrainerOptions.Restarts)");
        Expect(reader.ReadInt64(), RestartBudgetTotal(), "budget the restarts split");
        Expect(reader.ReadString(), Restarting ? _options.RestartInitialization.Name : "", "restart initialization");
    }

    /// <summary>The total of the budget that splits restarts (0 without restarts): a different one means different segments.</summary>
    private long RestartBudgetTotal() => !Restarting ? 0
        : _options.MaxCircuitEvaluations ?? _options.MaxShots ?? _options.MaxRoundTrips ?? _options.MaxSteps;

    private static void Expect<T>(T saved, T current, string what)
    {
        if (!Equals(saved, current))
        {
            throw new CheckpointException(
                $"The checkpoint was written with {what} = {saved}, but this trainer has {current}; resume with the same setup.");
        }
    }
}

using System;
using System.IO;

namespace NegLR;

// Checkpoints: everything a step depends on (parameters, optimizer state, generators, batch position, counters,
// early-stopping state) plus the history, so a resumed run continues bit-identically and reports the whole run.
internal sealed partial class TrainingLoop<TModel>
{
    private const string Section = "Trainer";
    private const int StateVersion = 1;

    private void SaveCheckpoint(string path, ReadOnlySpan<double> parameters)
    {
        using var stream = new MemoryStream();
        var writer = new CheckpointWriter(stream);
        writer.WriteSection(Section, StateVersion);
        WriteFingerprint(writer);
        writer.WriteInt64(_iteration);
        writer.WriteInt64(_evaluations);
        writer.WriteInt64(_shots);
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
            reader.ReadSection(Section, StateVersion);
            CheckFingerprint(reader);
            long iteration = reader.ReadInt64();
            long evaluations = reader.ReadInt64();
            long shots = reader.ReadInt64();
            int cursor = reader.ReadInt32();
            int batchStart = reader.ReadInt32();
            double bestLoss = reader.ReadDouble();
            double patienceReference = reader.ReadDouble();
            long sinceImprovement = reader.ReadInt64();
            long elapsedTicks = reader.ReadInt64();
            if (iteration < 0 || evaluations < 0 || shots < 0 || cursor < 0 || cursor > _order.Length || batchStart < 0
                || batchStart > _order.Length || sinceImprovement < 0 || elapsedTicks < 0)
            {
                throw new CheckpointException("The trainer counters in the checkpoint are impossible; the data is corrupt.");
            }

            var savedParameters = new double[_n];
            reader.ReadDoubles(savedParameters, "parameters");
            var order = new int[_order.Length];
            reader.ReadInt32s(order, "batch order");
            foreach (int row in order)
            {
                if ((uint)row >= (uint)order.Length)
                {
                    throw new CheckpointException("The batch order in the checkpoint names a row that does not exist; the data is corrupt.");
                }
            }

            reader.ReadRandom(_batchRandom, "batch-order generator");
            reader.ReadRandom(_shotRandom, "shot generator");
            reader.ReadRandom(_spsaRandom, "SPSA generator");
            int count = reader.ReadInt32();
            if (count < 0 || count != iteration)
            {
                throw new CheckpointException("The checkpoint's history does not match its step count; the data is corrupt.");
            }

            var history = new TrainingStep[Math.Max(count, _options.MaxSteps)];
            for (int i = 0; i < count; i++)
            {
                long it = reader.ReadInt64();
                double loss = reader.ReadDouble();
                double norm = reader.ReadDouble();
                double rate = reader.ReadDouble();
                int phase = reader.ReadInt32();
                double trial = reader.ReadDouble();
                long ev = reader.ReadInt64();
                long sh = reader.ReadInt64();
                long ticks = reader.ReadInt64();
                if (phase is not (0 or 1))
                {
                    throw new CheckpointException("A history entry in the checkpoint has an unknown phase; the data is corrupt.");
                }

                history[i] = new TrainingStep(it, loss, norm, rate, (NlrPhase)phase, trial, ev, sh, TimeSpan.FromTicks(ticks));
            }

            _optimizer.RestoreState(reader);
            if (stream.Position != stream.Length)
            {
                throw new CheckpointException("The checkpoint has data left over after the optimizer's state; it was written by a different setup.");
            }

            // Commit only after everything parsed, so a bad file leaves the trainer's arrays untouched.
            _iteration = iteration;
            _evaluations = evaluations;
            _shots = shots;
            _cursor = cursor;
            _batchStart = batchStart;
            _bestLoss = bestLoss;
            _patienceReference = patienceReference;
            _sinceImprovement = sinceImprovement;
            _elapsedTicksBefore = elapsedTicks;
            order.CopyTo(_order, 0);
            _history = history;
            _historyCount = count;
            savedParameters.CopyTo(parameters);
        }
        catch (CheckpointException e)
        {
            throw new CheckpointException($"Cannot resume from '{path}': {e.Message}", e);
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
    }

    private void CheckFingerprint(CheckpointReader reader)
    {
        Expect(reader.ReadString(), _optimizer.Name, "optimizer");
        Expect(reader.ReadInt32(), _n, "number of weights");
        Expect(unchecked((ulong)reader.ReadInt64()), _options.Seed, "seed (TrainerOptions.Seed)");
        Expect(reader.ReadInt32(), _shotsPerEvaluation, "shots per evaluation (0 = exact)");
        Expect((GradientMethod)reader.ReadInt32(), Method, "gradient method");
        Expect(reader.ReadBoolean(), _objective.IsExpectation, "objective kind (expectation or classification)");
        Expect(reader.ReadInt32(), _objective.SampleCount, "number of data rows");
        Expect(reader.ReadInt32(), _objective.FeatureCount, "features per row");
        Expect(reader.ReadInt32(), _objective.BatchSize, "batch size");
        Expect((ClassificationLoss)reader.ReadInt32(), _objective.Loss, "classification loss");
    }

    private static void Expect<T>(T saved, T current, string what)
    {
        if (!Equals(saved, current))
        {
            throw new CheckpointException(
                $"The checkpoint was written with {what} = {saved}, but this trainer has {current}; resume with the same setup.");
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NegLR.Tests.Training;

/// <summary>History export to CSV and JSON.</summary>
public class HistoryExportTests
{
    private static TrainingHistory History()
    {
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim,
            new NegativeLearningRate(new Adam(12, 0.2), new LookaheadPolicy(), new NlrOptions { Cooldown = 1 }),
            new TrainerOptions { MaxSteps = 12 });
        return trainer.Run(TrainingProblems.Start(12, 5)).History;
    }

    [Fact]
    public void Csv_HasAHeaderAndOneRoundTrippingLinePerStep()
    {
        var history = History();
        var lines = history.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(TrainingHistory.CsvHeader, lines[0]);
        Assert.Equal(history.Count + 1, lines.Length);
        for (int i = 0; i < history.Count; i++)
        {
            var fields = lines[i + 1].Split(',');
            var s = history[i];
            Assert.Equal(11, fields.Length);
            Assert.Equal(s.Iteration, long.Parse(fields[0], CultureInfo.InvariantCulture));
            Assert.Equal(s.Loss, double.Parse(fields[1], CultureInfo.InvariantCulture));
            Assert.Equal(s.GradientNorm, double.Parse(fields[2], CultureInfo.InvariantCulture));
            Assert.Equal(s.LearningRate, double.Parse(fields[3], CultureInfo.InvariantCulture));
            Assert.Equal(s.Phase == NlrPhase.Negative ? "negative" : "positive", fields[4]);
            Assert.Equal(s.HasTrialLoss ? s.TrialLoss.ToString("R", CultureInfo.InvariantCulture) : string.Empty, fields[5]);
            Assert.Equal(s.CircuitEvaluations, long.Parse(fields[6], CultureInfo.InvariantCulture));
            Assert.Equal(s.Shots, long.Parse(fields[7], CultureInfo.InvariantCulture));
            Assert.Equal(s.RoundTrips, long.Parse(fields[9], CultureInfo.InvariantCulture));
            Assert.Equal(s.Segment, int.Parse(fields[10], CultureInfo.InvariantCulture));
        }

        Assert.Contains(history, s => !s.HasTrialLoss); // the cooldown skipped some trials: empty fields exercised
    }

    [Fact]
    public void Json_IsAnArrayOfStepObjects_WithNullForAbsentTrials()
    {
        var history = History();
        using var doc = JsonDocument.Parse(history.ToJson());
        var steps = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(history.Count, steps.Length);
        for (int i = 0; i < steps.Length; i++)
        {
            var s = history[i];
            var e = steps[i];
            Assert.Equal(s.Iteration, e.GetProperty("iteration").GetInt64());
            Assert.Equal(s.Loss, e.GetProperty("loss").GetDouble());
            Assert.Equal(s.LearningRate, e.GetProperty("learningRate").GetDouble());
            Assert.Equal(s.Phase == NlrPhase.Negative ? "negative" : "positive", e.GetProperty("phase").GetString());
            if (s.HasTrialLoss)
            {
                Assert.Equal(s.TrialLoss, e.GetProperty("trialLoss").GetDouble());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, e.GetProperty("trialLoss").ValueKind);
            }

            Assert.Equal(s.CircuitEvaluations, e.GetProperty("circuitEvaluations").GetInt64());
            Assert.Equal(s.Elapsed.TotalSeconds, e.GetProperty("elapsedSeconds").GetDouble());
            Assert.Equal(s.RoundTrips, e.GetProperty("roundTrips").GetInt64());
            Assert.Equal(s.Segment, e.GetProperty("segment").GetInt32());
        }
    }

    [Fact]
    public void Files_AreWritten()
    {
        var history = History();
        string dir = Path.Combine(Path.GetTempPath(), "neglr-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            history.WriteCsv(Path.Combine(dir, "h.csv"));
            history.WriteJson(Path.Combine(dir, "h.json"));
            Assert.Equal(history.ToCsv(), File.ReadAllText(Path.Combine(dir, "h.csv")));
            Assert.Equal(history.ToJson(), File.ReadAllText(Path.Combine(dir, "h.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

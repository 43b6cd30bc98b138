using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace NegLR;

/// <summary>
/// The steps of a run, with CSV and JSON export. Numbers are written in invariant culture with round-trip precision,
/// so exported losses and rates read back to the same doubles.
/// </summary>
public sealed class TrainingHistory : IReadOnlyList<TrainingStep>
{
    /// <summary>The CSV header, one column per <see cref="TrainingStep"/> field.</summary>
    public const string CsvHeader = "iteration,loss,gradient_norm,learning_rate,phase,trial_loss,circuit_evaluations,shots,elapsed_seconds,round_trips,segment";

    private readonly TrainingStep[] _steps;

    /// <summary>A history of the given steps (copied).</summary>
    public TrainingHistory(ReadOnlySpan<TrainingStep> steps) => _steps = steps.ToArray();

    /// <inheritdoc/>
    public int Count => _steps.Length;

    /// <inheritdoc/>
    public TrainingStep this[int index] => _steps[index];

    /// <summary>The steps as a span.</summary>
    public ReadOnlySpan<TrainingStep> Steps => _steps;

    /// <inheritdoc/>
    public IEnumerator<TrainingStep> GetEnumerator() => ((IEnumerable<TrainingStep>)_steps).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => _steps.GetEnumerator();

    /// <summary>
/// Writes <see cref="CsvHeader"/> and one line per step; an absent trial loss is an empty field, a missing gradient norm
/// or rate (Rotosolve) is <c>NaN</c>.
/// </summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(CsvHeader);
        writer.Write('\n');
        foreach (var s in _steps)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{s.Iteration},{Number(s.Loss)},{Number(s.GradientNorm)},{Number(s.LearningRate)},{PhaseName(s.Phase)},{(s.HasTrialLoss ? Number(s.TrialLoss) : string.Empty)},{s.CircuitEvaluations},{s.Shots},{Number(s.Elapsed.TotalSeconds)},{s.RoundTrips},{s.Segment}"));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the CSV to <paramref name="path"/> (UTF-8, overwritten).</summary>
    public void WriteCsv(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        WriteCsv(writer);
    }

    /// <summary>The CSV as a string.</summary>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes a JSON array with one object per step: <c>iteration, loss, gradientNorm, learningRate, phase ("positive" or
    /// "negative", "rejected" or "noise"), trialLoss (null when absent), circuitEvaluations, shots, elapsedSeconds, roundTrips,
    /// segment</c>.
    /// </summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var s in _steps)
        {
            json.WriteStartObject();
            json.WriteNumber("iteration", s.Iteration);
            WriteDouble(json, "loss", s.Loss);
            WriteDouble(json, "gradientNorm", s.GradientNorm);
            WriteDouble(json, "learningRate", s.LearningRate);
            json.WriteString("phase", PhaseName(s.Phase));
            WriteDouble(json, "trialLoss", s.TrialLoss);
            json.WriteNumber("circuitEvaluations", s.CircuitEvaluations);
            json.WriteNumber("shots", s.Shots);
            WriteDouble(json, "elapsedSeconds", s.Elapsed.TotalSeconds);
            json.WriteNumber("roundTrips", s.RoundTrips);
            json.WriteNumber("segment", s.Segment);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the JSON to <paramref name="path"/> (overwritten).</summary>
    public void WriteJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        WriteJson(stream);
    }

    /// <summary>The JSON as a string.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        WriteJson(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string PhaseName(NlrPhase phase) => phase switch
    {
        NlrPhase.Negative => "negative",
        NlrPhase.Rejected => "rejected",
        NlrPhase.Noise => "noise",
        _ => "positive",
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // JSON has no NaN or infinity: an absent or non-finite value is null.
    private static void WriteDouble(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

using System;
using System.ComponentModel;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Argument checks, state envelopes and errors that generated optimizers call, so their exceptions and saved state read
/// exactly like the runtime optimizers' (<see cref="GradientOptimizer"/>, <see cref="NegativeLearningRate"/>). Kept off
/// the hot path: every method here either checks and returns or builds an exception. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedOptimizerSupport
{
    /// <summary>The format version of a gradient method's and of NLR's state section (the runtime classes' too).</summary>
    public const int StateVersion = 1;

    /// <summary>Checks a constructor's parameter count.</summary>
    public static void CheckParameterCount(int parameterCount)
    {
        if (parameterCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameterCount), parameterCount, "The parameter count must be 0 or more.");
        }
    }

    /// <summary>Checks a span made for the optimizer's parameters has the right length.</summary>
    public static void CheckLength(string optimizer, int parameterCount, int length, string name)
    {
        if (length != parameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{optimizer} was made for {parameterCount} parameters, but {name} has {length}; create the optimizer with the model's parameter count."), name);
        }
    }

    /// <summary>Checks every gradient entry is finite.</summary>
    public static void CheckFinite(ReadOnlySpan<double> gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            if (!double.IsFinite(gradient[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"gradient[{i}] is {gradient[i]}; the gradient must be finite (check the loss and the circuit's angles)."), nameof(gradient));
            }
        }
    }

    /// <summary>Checks a step number given to a learning-rate query.</summary>
    public static void CheckStep(long step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Steps count from 0.");
        }
    }

    /// <summary>Checks the arguments of an NLR step.</summary>
    public static void CheckNlrStep(string optimizer, int parameterCount, int parametersLength, int gradientLength, double loss)
    {
        if (parametersLength != parameterCount || gradientLength != parameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{optimizer} was made for {parameterCount} parameters, but got {parametersLength} parameters and a gradient of {gradientLength}."), "parameters");
        }

        if (!double.IsFinite(loss))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The loss is {loss}; NLR compares losses, so it must be finite."), nameof(loss));
        }
    }

    /// <summary>Checks a saved Plateau policy state: a finite, non-negative EMA and count, both 0 before the first step.</summary>
    public static void CheckPlateauState(double ema, long below, bool started)
    {
        if (!(ema >= 0) || !double.IsFinite(ema) || below < 0 || (!started && (ema != 0 || below != 0)))
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"The saved Plateau policy state holds impossible values (EMA {ema}, {below} steps below τ); the data is corrupt."));
        }
    }

    /// <summary>Checks the arguments of a backtracking step, as <see cref="Backtracking"/> checks them.</summary>
    public static void CheckBacktrackingStep(string optimizer, int parameterCount, int parametersLength, int gradientLength, double loss)
    {
        if (parametersLength != parameterCount || gradientLength != parameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{optimizer} was made for {parameterCount} parameters, but got {parametersLength} parameters and a gradient of {gradientLength}."), "parameters");
        }

        if (!double.IsFinite(loss))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The loss is {loss}; a line search compares losses, so it must be finite."), nameof(loss));
        }
    }

    /// <summary>Checks the counters of a saved backtracking state.</summary>
    public static void CheckBacktrackingCounters(string name, long steps, long rejections)
    {
        if (steps < 0 || rejections < 0 || rejections > steps)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"The saved {name} state holds impossible counters ({steps} steps, {rejections} rejections); the data is corrupt."));
        }
    }

    /// <summary>Restarts a generator from its seed (Reset of a generated optimizer), as the runtime optimizers do.</summary>
    public static void Restart(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<ulong> state = stackalloc ulong[4];
        new SeededRandom(random.Seed).SaveState(state);
        random.RestoreState(state);
    }

    /// <summary>The error of a trial-based policy called without a trial evaluator.</summary>
    public static ArgumentNullException TrialRequired(NlrPolicy policy) =>
        new("trial", $"The {policy} policy evaluates a trial step; pass an ITrialEvaluator (the Trainer does) or choose a policy without trials.");

    /// <summary>Checks the destination of <see cref="IKeepsBest.TryCopyBest"/>.</summary>
    public static void CheckDestination(int parameterCount, int length)
    {
        if (length != parameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The destination needs {parameterCount} entries, but has {length}."), "destination");
        }
    }

    /// <summary>‖g‖₂, summed in index order exactly as <see cref="NegativeLearningRate"/> does.</summary>
    public static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Writes a gradient method's envelope: its section, parameter count and step count.</summary>
    public static void WriteEnvelope(CheckpointWriter writer, string name, int parameterCount, long steps)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection(name, StateVersion);
        writer.WriteInt32(parameterCount);
        writer.WriteInt64(steps);
    }

    /// <summary>Reads what <see cref="WriteEnvelope"/> wrote (or a runtime optimizer of the same name saved) and returns the step count.</summary>
    public static long ReadEnvelope(CheckpointReader reader, string name, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection(name, StateVersion);
        CheckSavedCount(name, reader.ReadInt32(), parameterCount);
        long steps = reader.ReadInt64();
        if (steps < 0)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"The saved {name} state has a negative step count ({steps})."));
        }

        return steps;
    }

    /// <summary>Checks the parameter count of a saved state.</summary>
    public static void CheckSavedCount(string name, int count, int parameterCount)
    {
        if (count != parameterCount)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"The saved {name} state is for {count} parameters; this optimizer has {parameterCount}."));
        }
    }

    /// <summary>Checks the counters of a saved NLR state.</summary>
    public static void CheckNlrCounters(string name, long steps, int phaseRemaining, int consecutiveAscents, int cooldown, int previousPhase)
    {
        if (steps < 0 || phaseRemaining < 0 || consecutiveAscents < 0 || cooldown < 0 || previousPhase is < -1 or > 1)
        {
            throw new CheckpointException($"The saved {name} state holds impossible counters; the data is corrupt.");
        }
    }

    /// <summary>
    /// Checks the values of a saved NLR state: the previous loss is NaN exactly before the first step and finite after,
    /// the previous phase is known exactly after the first step, and the best loss is +∞ until keep-best has seen a step.
    /// </summary>
    public static void CheckNlrValues(string name, long steps, double previousLoss, int previousPhase, double bestLoss, bool hasBest, bool keepsBest)
    {
        bool first = steps == 0;
        bool lossOk = first ? double.IsNaN(previousLoss) : double.IsFinite(previousLoss);
        bool phaseOk = first ? previousPhase == -1 : previousPhase >= 0;
        bool bestOk = hasBest ? keepsBest && double.IsFinite(bestLoss) : bestLoss == double.PositiveInfinity;
        if (!lossOk || !phaseOk || !bestOk)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"The saved {name} state holds impossible values (previous loss {previousLoss}, previous phase {previousPhase}, best loss {bestLoss}, has best {hasBest}) after {steps} steps; the data is corrupt."));
        }
    }

    /// <summary>The exception every member of a stub throws when the generator could not compile the declaration.</summary>
    public static InvalidOperationException NotCompiled(string optimizer, string reason) =>
        new($"NegLR could not compile the optimizer {optimizer}: {reason} Fix the declaration and rebuild.");

    /// <summary>The exception of a generated optimizer struct used without its constructor (<c>default(T)</c>).</summary>
    public static InvalidOperationException NotCreated(string optimizer) =>
        new($"This {optimizer} is default({optimizer}), which holds no optimizer state; create it with new {optimizer}(parameterCount).");
}

using System.Collections.Generic;
using NegLR.Generator.Emit;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

internal sealed partial class OptimizerWriter
{
    /// <summary>
    /// SaveState writes exactly the bytes the runtime twin writes (same sections, names, versions and order), so
    /// checkpoints move freely between the generated and the runtime optimizer.
    /// </summary>
    private void WriteSaveState()
    {
        _w.Line("/// <inheritdoc/>");
        using (_w.Block("public void SaveState(global::NegLR.CheckpointWriter writer)"))
        {
            if (_backtracking is not null)
            {
                _w.Line("// Backtracking's layout: its counters, then the base optimizer's state.");
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
                _w.Line($"writer.WriteSection({Literals.String(Name)}, {Support}.StateVersion);");
                _w.Line("writer.WriteInt32(__parameterCount);");
                _w.Line("writer.WriteInt64(__stepCount);");
                _w.Line("writer.WriteInt64(__rejections);");
                _w.Line($"{Support}.WriteEnvelope(writer, {Literals.String(_base.RuntimeName)}, __parameterCount, __baseStepCount);");
                WriteBuffers();
                return;
            }

            if (_nlr is not { } n)
            {
                _w.Line("// The runtime " + _base.RuntimeName + "'s layout: envelope, then its buffers.");
                _w.Line($"{Support}.WriteEnvelope(writer, {Literals.String(_base.RuntimeName)}, __parameterCount, __stepCount);");
                WriteBuffers();
                return;
            }

            _w.Line("// NegativeLearningRate's layout: its counters and best parameters, the base optimizer's state, the policy's state.");
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            _w.Line($"writer.WriteSection({Literals.String(Name)}, {Support}.StateVersion);");
            _w.Line("writer.WriteInt32(__parameterCount);");
            _w.Line("writer.WriteInt64(__stepCount);");
            _w.Line("writer.WriteInt32(__phaseRemaining);");
            _w.Line("writer.WriteInt32(__consecutiveAscents);");
            _w.Line("writer.WriteInt32(__cooldownRemaining);");
            _w.Line("writer.WriteDouble(__previousLoss);");
            _w.Line("writer.WriteInt32(__previousPhase);");
            _w.Line("writer.WriteDouble(__bestLoss);");
            _w.Line("writer.WriteBoolean(__hasBest);");
            _w.Line("writer.WriteDoubles(__best);");
            _w.Line($"{Support}.WriteEnvelope(writer, {Literals.String(_base.RuntimeName)}, __parameterCount, __baseStepCount);");
            WriteBuffers();
            _w.Line($"writer.WriteSection({Literals.String(n.PolicySection)}, {Support}.StateVersion);");
            switch (n.Policy)
            {
                case NlrPolicy.Plateau:
                    _w.Line("writer.WriteDouble(__ema);");
                    _w.Line("writer.WriteInt64(__below);");
                    _w.Line("writer.WriteBoolean(__started);");
                    break;
                case NlrPolicy.Stochastic:
                    _w.Line("writer.WriteRandom(__random);");
                    break;
            }

            if (n.Response == NlrResponseKind.Noise)
            {
                _w.Line("writer.WriteRandom(__noise);");
            }
        }
    }

    private void WriteRestoreState()
    {
        _w.Line("/// <inheritdoc/>");
        using (_w.Block("public void RestoreState(global::NegLR.CheckpointReader reader)"))
        {
            if (_backtracking is not null)
            {
                _w.Line("// Backtracking's layout; counters are checked, then set once everything has been read.");
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(reader);");
                _w.Line($"reader.ReadSection({Literals.String(Name)}, {Support}.StateVersion);");
                _w.Line($"{Support}.CheckSavedCount({Literals.String(Name)}, reader.ReadInt32(), __parameterCount);");
                _w.Line("long steps = reader.ReadInt64();");
                _w.Line("long rejections = reader.ReadInt64();");
                _w.Line($"{Support}.CheckBacktrackingCounters({Literals.String(Name)}, steps, rejections);");
                _w.Line($"long baseSteps = {Support}.ReadEnvelope(reader, {Literals.String(_base.RuntimeName)}, __parameterCount);");
                ReadBuffers();
                _w.Line("__baseStepCount = baseSteps;");
                _w.Line("__stepCount = steps;");
                _w.Line("__rejections = rejections;");
                return;
            }

            if (_nlr is not { } n)
            {
                _w.Line("// The runtime " + _base.RuntimeName + "'s layout; the step count is set last, once everything has been read.");
                _w.Line($"long steps = {Support}.ReadEnvelope(reader, {Literals.String(_base.RuntimeName)}, __parameterCount);");
                ReadBuffers();
                _w.Line("__stepCount = steps;");
                return;
            }

            _w.Line("// NegativeLearningRate's layout; counters are checked, then set once everything has been read.");
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(reader);");
            _w.Line($"reader.ReadSection({Literals.String(Name)}, {Support}.StateVersion);");
            _w.Line($"{Support}.CheckSavedCount({Literals.String(Name)}, reader.ReadInt32(), __parameterCount);");
            _w.Line("long steps = reader.ReadInt64();");
            _w.Line("int phaseRemaining = reader.ReadInt32();");
            _w.Line("int consecutiveAscents = reader.ReadInt32();");
            _w.Line("int cooldownRemaining = reader.ReadInt32();");
            _w.Line("double previousLoss = reader.ReadDouble();");
            _w.Line("int previousPhase = reader.ReadInt32();");
            _w.Line("double bestLoss = reader.ReadDouble();");
            _w.Line("bool hasBest = reader.ReadBoolean();");
            _w.Line($"{Support}.CheckNlrCounters({Literals.String(Name)}, steps, phaseRemaining, consecutiveAscents, cooldownRemaining, previousPhase);");
            _w.Line($"{Support}.CheckNlrValues({Literals.String(Name)}, steps, previousLoss, previousPhase, bestLoss, hasBest, {(n.KeepBest ? "true" : "false")});");
            _w.Line("reader.ReadDoubles(__best, \"best parameters\");");
            _w.Line($"long baseSteps = {Support}.ReadEnvelope(reader, {Literals.String(_base.RuntimeName)}, __parameterCount);");
            ReadBuffers();
            _w.Line("__baseStepCount = baseSteps;");
            _w.Line($"reader.ReadSection({Literals.String(n.PolicySection)}, {Support}.StateVersion);");
            switch (n.Policy)
            {
                case NlrPolicy.Plateau:
                    _w.Line("double ema = reader.ReadDouble();");
                    _w.Line("long below = reader.ReadInt64();");
                    _w.Line("bool started = reader.ReadBoolean();");
                    _w.Line(Support + ".CheckPlateauState(ema, below, started);");
                    _w.Line("__ema = ema;");
                    _w.Line("__below = below;");
                    _w.Line("__started = started;");
                    break;
                case NlrPolicy.Stochastic:
                    _w.Line("reader.ReadRandom(__random, \"stochastic policy's generator\");");
                    break;
            }

            if (n.Response == NlrResponseKind.Noise)
            {
                _w.Line("reader.ReadRandom(__noise, \"noise control's generator\");");
            }

            _w.Line("__stepCount = steps;");
            _w.Line("__phaseRemaining = phaseRemaining;");
            _w.Line("__consecutiveAscents = consecutiveAscents;");
            _w.Line("__cooldownRemaining = cooldownRemaining;");
            _w.Line("__previousLoss = previousLoss;");
            _w.Line("__previousPhase = previousPhase;");
            _w.Line("__bestLoss = bestLoss;");
            _w.Line("__hasBest = hasBest;");
        }
    }

    /// <summary>The base optimizer's buffers in the runtime class's order, with the names its error messages use.</summary>
    /// <remarks>Sums of squares (second moments, accumulators) are read back as non-negative, as the runtime reads them.</remarks>
    private IEnumerable<(string Field, string What)> SavedBuffers()
    {
        switch (_base.Kind)
        {
            case BaseOptimizerKind.Momentum:
            case BaseOptimizerKind.Nesterov:
                yield return ("__buffer", "momentum buffer");
                break;
            case BaseOptimizerKind.Adagrad:
                yield return ("__accumulator", "Adagrad accumulator");
                break;
            case BaseOptimizerKind.RmsProp:
                yield return ("__meanSquare", "RMSProp mean square");
                break;
            case BaseOptimizerKind.Adam:
                yield return ("__m", "Adam first moments");
                yield return ("__v", "Adam second moments");
                // Plain Adam saves an empty block where AMSGrad keeps its maxima.
                yield return (_base.AmsGrad ? "__vMax" : "", "AMSGrad maxima");
                break;
        }
    }

    private void WriteBuffers()
    {
        foreach (var (field, _) in SavedBuffers())
        {
            _w.Line("writer.WriteDoubles(" + (field.Length == 0 ? "global::System.ReadOnlySpan<double>.Empty" : field) + ");");
        }
    }

    private void ReadBuffers()
    {
        foreach (var (field, what) in SavedBuffers())
        {
            string method = what is "momentum buffer" or "Adam first moments" ? "ReadDoubles" : "ReadNonNegativeDoubles";
            _w.Line("reader." + method + "(" + (field.Length == 0 ? "global::System.Span<double>.Empty" : field) + ", " + Literals.String(what) + ");");
        }
    }
}

using System.Threading;
using NegLR.Generator.Emit;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

/// <summary>
/// Writes the members of one specialised optimizer into the type being emitted (the user's class, or a struct's nested
/// state class). The arithmetic is the runtime classes' own, operation for operation, with hyperparameters as round-trip
/// literals (differences like 1 − β₁ folded here, exactly as the runtime computes them), so results agree bit for bit.
/// </summary>
internal sealed partial class OptimizerWriter
{
    private const string Support = OptimizerEmitter.Support;
    private const string Parameters = "global::System.Span<double>";
    private const string Gradient = "global::System.ReadOnlySpan<double>";

    private readonly CodeWriter _w;
    private readonly OptimizerSettings _s;
    private readonly BaseOptimizerSettings _base;
    private readonly NlrSettings? _nlr;
    private readonly BacktrackingSettings? _backtracking;
    private readonly string _typeName;
    private readonly CancellationToken _ct;
    private readonly bool _explicitStepCount;

    /// <param name="explicitStepCount">
    /// Implement IOptimizer.StepCount explicitly: the members go straight into a type that is also an [Ansatz], whose
    /// part declares its own <c>StepCount</c> (<see cref="OptimizerMembers.ClashesWithAnsatz"/>).
    /// </param>
    public OptimizerWriter(CodeWriter writer, OptimizerSettings settings, string typeName, CancellationToken cancellationToken, bool explicitStepCount = false)
    {
        _explicitStepCount = explicitStepCount;
        _w = writer;
        _s = settings;
        _base = settings.Base;
        _nlr = settings.Nlr;
        _backtracking = settings.Backtracking;
        _typeName = typeName;
        _ct = cancellationToken;
    }

    /// <summary>The runtime twin's name, used in messages and state sections.</summary>
    private string Name => _s.RuntimeName;

    private static string D(double value) => Literals.Double(value);

    private static string I(int value) => Literals.Int(value);

    public void Write()
    {
        WriteFields();
        _w.Line();
        WriteConstructor();
        _w.Line();
        WriteCommonProperties();
        _w.Line();
        if (_nlr is not null)
        {
            WriteNlrMembers();
        }
        else if (_backtracking is not null)
        {
            WriteBacktrackingMembers();
        }
        else
        {
            WriteGradientMembers();
        }

        _ct.ThrowIfCancellationRequested();
        _w.Line();
        WriteReset();
        _w.Line();
        WriteSaveState();
        _w.Line();
        WriteRestoreState();
        _w.Line();
        WriteRate();
    }

    private void WriteFields()
    {
        bool buffers = System.Linq.Enumerable.Any(StateBuffers());
        _w.Line("// State: the step count" + (buffers ? " and the " + _base.RuntimeName + " buffers" : " (" + _base.RuntimeName + " keeps nothing else)") +
                (_nlr is null ? "." : ", then NLR's phase counters, keep-best and policy state."));
        _w.Line("private readonly int __parameterCount;");
        _w.Line(_nlr is null ? "private long __stepCount;" : "private long __stepCount; // NLR steps t (ascent and descent)");
        if (!_s.IsGradientMethod)
        {
            _w.Line("private long __baseStepCount; // directions the base state has advanced by (Adam's bias-correction step)");
        }

        foreach (var (field, _) in StateBuffers())
        {
            _w.Line("private readonly double[] " + field + ";");
        }

        if (_backtracking is not null)
        {
            _w.Line("private long __rejections; // steps no trial was accepted on");
            _w.Line("private readonly double[] __direction; // the base direction, fixed for the step's trials");
            _w.Line("private readonly double[] __trial; // θ − ηd, the current trial point");
            return;
        }

        if (_nlr is not { } n)
        {
            _w.Line("private static readonly global::NegLR.LearningRateSchedule __schedule = " + OptimizerDescription.ScheduleExpression(_s.Schedule, qualified: true) + ";");
            return;
        }

        if (n.NeedsTrial || n.Response == NlrResponseKind.Noise)
        {
            _w.Line(n.NeedsTrial
                ? "private readonly double[] __direction; // the trial's direction, reused by a frozen ascent"
                : "private readonly double[] __direction; // the direction a noise kick takes its length from");
        }

        if (n.NeedsTrial)
        {
            _w.Line("private readonly double[] __trial; // θ − η⁺d, the Lookahead trial point");
        }

        if (n.Response == NlrResponseKind.Noise)
        {
            _w.Line("private global::NegLR.SeededRandom __noise; // the noise control's kicks");
        }

        _w.Line("private readonly double[] __best;");
        _w.Line("private int __phaseRemaining;");
        _w.Line("private int __consecutiveAscents;");
        _w.Line("private int __cooldownRemaining;");
        _w.Line("private double __previousLoss;");
        _w.Line("private int __previousPhase; // -1 before the first step, else (int)NlrPhase");
        _w.Line("private double __bestLoss;");
        _w.Line("private bool __hasBest;");
        switch (n.Policy)
        {
            case NlrPolicy.Plateau:
                _w.Line("private double __ema; // Plateau: EMA of ‖g‖");
                _w.Line("private long __below; // Plateau: consecutive steps with the EMA below τ");
                _w.Line("private bool __started;");
                break;
            case NlrPolicy.Stochastic:
                _w.Line("private global::NegLR.SeededRandom __random; // Stochastic: one draw per step");
                break;
        }
    }

    private void WriteConstructor()
    {
        _w.Line("/// <summary>Creates the optimizer for <paramref name=\"parameterCount\"/> parameters, in its initial state.</summary>");
        _w.Line("/// <param name=\"parameterCount\">Number of parameters, 0 or more.</param>");
        using (_w.Block("public " + _typeName + "(int parameterCount)"))
        {
            _w.Line(Support + ".CheckParameterCount(parameterCount);");
            _w.Line("__parameterCount = parameterCount;");
            foreach (var (field, length) in StateBuffers())
            {
                _w.Line(field + " = new double[" + length + "];");
            }

            if (_backtracking is not null)
            {
                _w.Line("__direction = new double[parameterCount];");
                _w.Line("__trial = new double[parameterCount];");
                return;
            }

            if (_nlr is not { } n)
            {
                return;
            }

            if (n.NeedsTrial || n.Response == NlrResponseKind.Noise)
            {
                _w.Line("__direction = new double[parameterCount];");
            }

            if (n.NeedsTrial)
            {
                _w.Line("__trial = new double[parameterCount];");
            }

            if (n.Response == NlrResponseKind.Noise)
            {
                _w.Line("__noise = new global::NegLR.SeededRandom(" + NoiseSeed(n) + ");");
            }

            _w.Line("__best = new double[parameterCount];");
            _w.Line("__previousLoss = double.NaN;");
            _w.Line("__previousPhase = -1;");
            _w.Line("__bestLoss = double.PositiveInfinity;");
            if (n.Policy == NlrPolicy.Stochastic)
            {
                _w.Line("__random = new global::NegLR.SeededRandom(" + Seed(n) + ");");
            }
        }
    }

    private static string Seed(NlrSettings n) => n.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL";

    private static string NoiseSeed(NlrSettings n) => n.NoiseSeed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL";

    private void WriteCommonProperties()
    {
        _w.Line("/// <inheritdoc/>");
        _w.Line("public string Name => " + Literals.String(Name) + ";");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public int ParameterCount => __parameterCount;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line(_explicitStepCount ? "long global::NegLR.IOptimizer.StepCount => __stepCount;" : "public long StepCount => __stepCount;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public int MaxTrialEvaluationsPerStep => " + (_backtracking is { } bt ? I(bt.MaxHalvings + 1) : _nlr is { NeedsTrial: true } ? "1" : "0") + ";");
    }

    /// <summary>The members of a plain gradient method (<c>IGradientOptimizer</c>).</summary>
    private void WriteGradientMembers()
    {
        _w.Line("/// <inheritdoc/>");
        _w.Line("public global::NegLR.LearningRateSchedule Schedule => __schedule;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.Block("public double LearningRate(long step)"))
        {
            _w.Line(Support + ".CheckStep(step);");
            _w.Line("return __Rate(step);");
        }

        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.Block($"public void ComputeDirection({Gradient} gradient, {Parameters} direction, bool advance = true)"))
        {
            _w.Line("// Arguments, checked as the runtime class checks them.");
            _w.Line($"{Support}.CheckLength({Literals.String(Name)}, __parameterCount, gradient.Length, \"gradient\");");
            _w.Line($"{Support}.CheckLength({Literals.String(Name)}, __parameterCount, direction.Length, \"direction\");");
            _w.Line(Support + ".CheckFinite(gradient);");
            _w.Line("long s = __stepCount;");
            WriteDirectionLoop(Store.IfAdvance, "", "direction[i] = d;");
            _w.Line("// The step count moves with the state.");
            using (_w.Block("if (advance)"))
            {
                _w.Line("__stepCount = s + 1;");
            }
        }

        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.Block($"public void Step({Parameters} parameters, {Gradient} gradient)"))
        {
            _w.Line("// Arguments, checked as the runtime class checks them.");
            _w.Line($"{Support}.CheckLength({Literals.String(Name)}, __parameterCount, parameters.Length, \"parameters\");");
            _w.Line($"{Support}.CheckLength({Literals.String(Name)}, __parameterCount, gradient.Length, \"gradient\");");
            _w.Line(Support + ".CheckFinite(gradient);");
            _w.Line("long s = __stepCount;");
            _w.Line("double rate = __Rate(s);");
            WriteDirectionLoop(Store.Always, "Descent θ ← θ − η_t·d, direction and update fused (no buffer): ", "parameters[i] -= rate * d;");
            _w.Line("__stepCount = s + 1;");
        }

        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.Block($"public global::NegLR.OptimizerStep Step({Parameters} parameters, {Gradient} gradient, double loss, global::NegLR.ITrialEvaluator? trial)"))
        {
            _w.Line("// A plain gradient method ignores the loss and never evaluates a trial.");
            _w.Line("double rate = __Rate(__stepCount);");
            _w.Line("Step(parameters, gradient);");
            _w.Line("return new global::NegLR.OptimizerStep(global::NegLR.NlrPhase.Positive, rate, double.NaN);");
        }
    }

    private void WriteReset()
    {
        _w.Line("/// <inheritdoc/>");
        using (_w.Block("public void Reset()"))
        {
            _w.Line("// Forget everything, as if freshly made.");
            _w.Line("__stepCount = 0;");
            if (_backtracking is not null)
            {
                _w.Line("__baseStepCount = 0;");
                _w.Line("__rejections = 0;");
                ClearBuffers();
                return;
            }

            if (_nlr is not { } n)
            {
                ClearBuffers();
                return;
            }

            _w.Line("__baseStepCount = 0;");
            ClearBuffers();
            if (n.Response == NlrResponseKind.Noise)
            {
                _w.Line(Support + ".Restart(__noise);");
            }

            switch (n.Policy)
            {
                case NlrPolicy.Plateau:
                    _w.Line("__ema = 0;");
                    _w.Line("__below = 0;");
                    _w.Line("__started = false;");
                    break;
                case NlrPolicy.Stochastic:
                    _w.Line("__random = new global::NegLR.SeededRandom(" + Seed(n) + ");");
                    break;
            }

            _w.Line("__phaseRemaining = 0;");
            _w.Line("__consecutiveAscents = 0;");
            _w.Line("__cooldownRemaining = 0;");
            _w.Line("__previousLoss = double.NaN;");
            _w.Line("__previousPhase = -1;");
            _w.Line("__bestLoss = double.PositiveInfinity;");
            _w.Line("__hasBest = false;");
            _w.Line("global::System.Array.Clear(__best);");
        }
    }

    private void ClearBuffers()
    {
        foreach (var (field, _) in StateBuffers())
        {
            _w.Line("global::System.Array.Clear(" + field + ");");
        }
    }
}

using NegLR.Generator.Emit;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

internal sealed partial class OptimizerWriter
{
    /// <summary>The members of a backtracking line search (<c>IOptimizer</c> and the runtime Backtracking's extras).</summary>
    private void WriteBacktrackingMembers()
    {
        var b = _backtracking!;
        _w.Line("/// <summary>Steps rejected so far (no trial met the Armijo condition).</summary>");
        _w.Line("public long Rejections => __rejections;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.Block($"public global::NegLR.OptimizerStep Step({Parameters} parameters, {Gradient} gradient, double loss, global::NegLR.ITrialEvaluator? trial)"))
        {
            _w.Line("// Arguments, checked as Backtracking checks them.");
            _w.Line("int n = __parameterCount;");
            _w.Line($"{Support}.CheckBacktrackingStep({Literals.String(Name)}, n, parameters.Length, gradient.Length, loss);");
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(trial, \"trial\");");
            _w.Line("long s = __baseStepCount;");
            _w.Line("double rate = __Rate(s);");
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionLoop(Store.Never, "The direction every trial follows, base state untouched: ", "__direction[i] = d;");
            _w.Line("double slope = 0;");
            using (_w.Block("for (int i = 0; i < n; i++)"))
            {
                _w.Line("slope += gradient[i] * __direction[i];");
            }

            _w.Line();
            if (b.StandardErrors > 0)
            {
                _w.Line("var errors = trial as global::NegLR.ILossStandardErrors;");
            }

            _w.Line("double trialLoss = double.NaN;");
            _w.Line("double eta = rate;");
            _w.Line("bool accepted = false;");
            _w.Line("// Armijo: accept θ − ηd when L ≤ L(θ) − " + D(b.SufficientDecrease) + "·η·(g·d)" + (b.StandardErrors > 0 ? " + slack" : "") +
                    "; else halve η, at most " + I(b.MaxHalvings) + " times.");
            using (_w.Block("for (int k = 0; k <= " + I(b.MaxHalvings) + "; k++)"))
            {
                using (_w.Block("for (int i = 0; i < n; i++)"))
                {
                    _w.Line("__trial[i] = parameters[i] - (eta * __direction[i]);");
                }

                _w.Line();
                _w.Line("trialLoss = trial.EvaluateTrial(__trial);");
                _w.Line("double slack = 0;");
                if (b.StandardErrors > 0)
                {
                    using (_w.Block("if (errors is not null)"))
                    {
                        _w.Line("double a = errors.LossStandardError, e = errors.TrialStandardError;");
                        _w.Line("slack = " + D(b.StandardErrors) + " * global::System.Math.Sqrt((a * a) + (e * e));");
                    }

                    _w.Line();
                }

                using (_w.Block("if (trialLoss <= loss - (" + D(b.SufficientDecrease) + " * eta * slope) + slack)"))
                {
                    _w.Line("accepted = true;");
                    _w.Line("break;");
                }

                _w.Line();
                _w.Line("eta /= 2;");
            }

            _w.Line();
            if (System.Linq.Enumerable.Any(StateBuffers()))
            {
                _w.Line("// The base state moves once per step, whether or not the step was taken (the same direction, now stored).");
                using (_w.Block("for (int i = 0; i < gradient.Length; i++)"))
                {
                    _w.Line("double g = gradient[i];");
                    WriteDirectionBody(Store.Always);
                }

                _w.Line();
            }

            _w.Line("__baseStepCount = s + 1;");
            _w.Line("__stepCount++;");
            using (_w.Block("if (!accepted)"))
            {
                _w.Line("__rejections++;");
                _w.Line("return new global::NegLR.OptimizerStep(global::NegLR.NlrPhase.Rejected, 0, trialLoss);");
            }

            _w.Line();
            _w.Line("global::System.MemoryExtensions.CopyTo(__trial, parameters);");
            _w.Line("return new global::NegLR.OptimizerStep(global::NegLR.NlrPhase.Positive, eta, trialLoss);");
        }
    }
}

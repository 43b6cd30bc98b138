using NegLR.Generator.Emit;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

internal sealed partial class OptimizerWriter
{
    /// <summary>The members of an NLR optimizer (<c>IOptimizer</c>, <c>IKeepsBest</c> and NegativeLearningRate's extras).</summary>
    private void WriteNlrMembers()
    {
        var n = _nlr!;
        _w.Line("/// <summary>η⁺_t, the base optimizer's scheduled rate at step <paramref name=\"step\"/>.</summary>");
        using (_w.Block("public double PositiveRate(long step)"))
        {
            _w.Line(Support + ".CheckStep(step);");
            _w.Line("return __Rate(step);");
        }

        _w.Line();
        if (n.HasFixedNegativeRate)
        {
            _w.Line("/// <summary>η⁻, fixed at " + D(n.NegativeRate) + " whatever the step.</summary>");
            _w.Line("public double NegativeRate(long step) => " + D(n.NegativeRate) + ";");
        }
        else
        {
            _w.Line("/// <summary>η⁻_t = " + D(n.NegativeRatio) + "·η⁺_t.</summary>");
            using (_w.Block("public double NegativeRate(long step)"))
            {
                _w.Line(Support + ".CheckStep(step);");
                _w.Line("return " + D(n.NegativeRatio) + " * __Rate(step);");
            }
        }

        _w.Line();
        _w.Line("/// <summary>Phase of the last step (null before the first).</summary>");
        _w.Line("public global::NegLR.NlrPhase? LastPhase => __previousPhase < 0 ? null : (global::NegLR.NlrPhase)__previousPhase;");
        _w.Line();
        _w.Line("/// <summary>Ascent steps in a row up to now.</summary>");
        _w.Line("public int ConsecutiveAscents => __consecutiveAscents;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public bool KeepsBest => " + (n.KeepBest ? "true" : "false") + ";");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public double BestLoss => __bestLoss;");
        _w.Line();
        _w.Line("/// <summary>Whether <see cref=\"BestParameters\"/> holds parameters (keep-best on and at least one step taken).</summary>");
        _w.Line("public bool HasBest => __hasBest;");
        _w.Line();
        _w.Line("/// <summary>The parameters at which <see cref=\"BestLoss\"/> was seen (valid when <see cref=\"HasBest\"/>).</summary>");
        _w.Line("public global::System.ReadOnlySpan<double> BestParameters => __best;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.Block("public bool TryCopyBest(global::System.Span<double> destination)"))
        {
            _w.Line(Support + ".CheckDestination(__parameterCount, destination.Length);");
            using (_w.Block("if (!__hasBest)"))
            {
                _w.Line("return false;");
            }

            _w.Line();
            _w.Line("global::System.MemoryExtensions.CopyTo(__best, destination);");
            _w.Line("return true;");
        }

        _w.Line();
        WriteNlrStep(n);
    }

    /// <summary>NegativeLearningRate.Step with the policy, the base direction and the schedule inlined.</summary>
    private void WriteNlrStep(NlrSettings n)
    {
        _w.Line("/// <inheritdoc/>");
        using (_w.Block($"public global::NegLR.OptimizerStep Step({Parameters} parameters, {Gradient} gradient, double loss, global::NegLR.ITrialEvaluator? trial)"))
        {
            _w.Line("// Arguments, checked as NegativeLearningRate checks them.");
            _w.Line("int n = __parameterCount;");
            _w.Line($"{Support}.CheckNlrStep({Literals.String(Name)}, n, parameters.Length, gradient.Length, loss);");
            if (n.KeepBest)
            {
                _w.Line("// Keep-best: remember θ_t when L(θ_t) is the lowest loss seen.");
                using (_w.Block("if (loss < __bestLoss)"))
                {
                    _w.Line("__bestLoss = loss;");
                    _w.Line("parameters.CopyTo(__best);");
                    _w.Line("__hasBest = true;");
                }

                _w.Line();
            }

            _w.Line("long t = __stepCount;");
            bool requests = WritePolicyRequest(n);
            _w.Line("// Ascent is allowed after an ascent while fewer than " + I(n.MaxAscentSteps) + " ran in a row, or after a descent once the cooldown is over.");
            _w.Line("bool ascentAllowed = __previousPhase == 1 ? __consecutiveAscents < " + I(n.MaxAscentSteps) + " : __cooldownRemaining == 0;");
            using (_w.Block("if (!ascentAllowed)"))
            {
                _w.Line("__phaseRemaining = 0;");
            }

            if (requests)
            {
                using (_w.Block("else if (__phaseRemaining == 0 && request > 0)"))
                {
                    _w.Line("__phaseRemaining = request;");
                }
            }

            _w.Line();
            _w.Line("// Rates: η⁺_t from the schedule; " + (n.HasFixedNegativeRate ? "η⁻ fixed." : "η⁻ = " + D(n.NegativeRatio) + "·η⁺_t."));
            _w.Line("double positive = __Rate(t);");
            _w.Line("double negative = " + (n.HasFixedNegativeRate ? D(n.NegativeRate) : D(n.NegativeRatio) + " * positive") + ";");
            _w.Line("long s = __baseStepCount;");
            if (n.NeedsTrial)
            {
                WriteTrial(n);
            }

            _ct.ThrowIfCancellationRequested();
            _w.Line("global::NegLR.NlrPhase phase;");
            using (_w.Block("if (__phaseRemaining == 0)"))
            {
                _w.Line(Support + ".CheckFinite(gradient);");
                WriteDirectionLoop(Store.Always,
                    n.NeedsTrial
                        ? "Descent θ ← θ − η⁺d, the base state advancing (the trial's arithmetic, so an accepted trial and the step agree to the bit): "
                        : "Descent θ ← θ − η⁺d, the base state advancing: ",
                    "parameters[i] -= positive * d;");
                _w.Line("__baseStepCount = s + 1;");
                _w.Line("__consecutiveAscents = 0;");
                using (_w.Block("if (__cooldownRemaining > 0)"))
                {
                    _w.Line("__cooldownRemaining--;");
                }

                _w.Line();
                _w.Line("phase = global::NegLR.NlrPhase.Positive;");
            }

            using (_w.Block("else"))
            {
                WriteAscent(n);
                _w.Line("__phaseRemaining--;");
                _w.Line("__consecutiveAscents++;");
                _w.Line("__cooldownRemaining = " + I(n.Cooldown) + ";");
                _w.Line("phase = global::NegLR.NlrPhase.Negative;");
            }

            _w.Line();
            _w.Line("// What the policy sees next step.");
            _w.Line("__previousLoss = loss;");
            _w.Line("__previousPhase = (int)phase;");
            _w.Line("__stepCount = t + 1;");
            string trialValue = n.NeedsTrial ? "trialLoss" : "double.NaN";
            switch (n.Response)
            {
                case NlrResponseKind.Reject:
                    _w.Line("// The reject control reports its skipped steps as Rejected, with rate 0.");
                    _w.Line("return phase == global::NegLR.NlrPhase.Positive ? new global::NegLR.OptimizerStep(phase, positive, " + trialValue + ")");
                    _w.Line("    : new global::NegLR.OptimizerStep(global::NegLR.NlrPhase.Rejected, 0, " + trialValue + ");");
                    break;
                case NlrResponseKind.Noise:
                    _w.Line("// The noise control reports its kicks as Noise, with the ascent rate they match.");
                    _w.Line("return new global::NegLR.OptimizerStep(phase == global::NegLR.NlrPhase.Positive ? phase : global::NegLR.NlrPhase.Noise, " +
                            "phase == global::NegLR.NlrPhase.Positive ? positive : -negative, " + trialValue + ");");
                    break;
                default:
                    _w.Line("return new global::NegLR.OptimizerStep(phase, phase == global::NegLR.NlrPhase.Positive ? positive : -negative, " + trialValue + ");");
                    break;
            }
        }
    }

    /// <summary>The policy's <c>BeforeStep</c>, inlined; false when the policy never requests before a trial (Lookahead).</summary>
    private bool WritePolicyRequest(NlrSettings n)
    {
        switch (n.Policy)
        {
            case NlrPolicy.Reactive:
                _w.Line("// Reactive: the previous step descended and the loss rose by more than " + D(n.Tolerance) + " → " + I(n.PhaseLength) + " ascent(s).");
                _w.Line("int request = __previousPhase == 0 && loss > __previousLoss + " + D(n.Tolerance) + " ? " + I(n.PhaseLength) + " : 0;");
                return true;
            case NlrPolicy.Plateau:
                _w.Line("// Plateau: the EMA of ‖g‖ (β = " + D(n.Decay) + ") below τ = " + D(n.Threshold) + " for " + I(n.Window) +
                        " steps in a row → " + I(n.PhaseLength) + " ascent(s), and the count restarts.");
                _w.Line("double norm = " + Support + ".Norm(gradient);");
                _w.Line("__ema = __started ? (" + D(n.Decay) + " * __ema) + (" + D(1 - n.Decay) + " * norm) : norm;");
                _w.Line("__started = true;");
                _w.Line("__below = __ema < " + D(n.Threshold) + " ? __below + 1 : 0;");
                _w.Line("int request = 0;");
                using (_w.Block("if (__below >= " + I(n.Window) + ")"))
                {
                    _w.Line("__below = 0;");
                    _w.Line("request = " + I(n.PhaseLength) + ";");
                }

                _w.Line();
                return true;
            case NlrPolicy.Periodic:
                _w.Line("// Periodic: " + I(n.PositiveSteps) + " descents, then a phase of " + I(n.NegativeSteps) + " ascent(s), repeating.");
                _w.Line("int request = t % " + I(n.PositiveSteps + n.NegativeSteps) + " == " + I(n.PositiveSteps) + " ? " + I(n.NegativeSteps) + " : 0;");
                return true;
            case NlrPolicy.Stochastic:
                _w.Line("// Stochastic: one draw every step; u < " + D(n.Probability) + " → " + I(n.PhaseLength) + " ascent(s).");
                _w.Line("int request = __random.NextDouble() < " + D(n.Probability) + " ? " + I(n.PhaseLength) + " : 0;");
                return true;
            default:
                _w.Line("// Lookahead requests nothing before its trial.");
                return false;
        }
    }

    /// <summary>The Lookahead trial: θ − η⁺d evaluated once, the base state untouched.</summary>
    private void WriteTrial(NlrSettings n)
    {
        _w.Line("double trialLoss = double.NaN;");
        _w.Line("// Lookahead trial, outside phases, cooldown and cap: evaluate θ − η⁺d once; a loss above L + " + D(n.Tolerance) +
                " ascends from this step for " + I(n.PhaseLength) + " step(s).");
        using (_w.Block("if (__phaseRemaining == 0 && ascentAllowed)"))
        {
            using (_w.Block("if (trial is null)"))
            {
                _w.Line("throw " + Support + ".TrialRequired(global::NegLR.NlrPolicy.Lookahead);");
            }

            _w.Line();
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionLoop(Store.Never, "Trial direction, base state untouched: ", "__direction[i] = d;", "__trial[i] = parameters[i] - (positive * d);");
            if (n.StandardErrors == 0)
            {
                _w.Line("trialLoss = trial.EvaluateTrial(__trial);");
                _w.Line("__phaseRemaining = trialLoss > loss + " + D(n.Tolerance) + " ? " + I(n.PhaseLength) + " : 0;");
            }
            else
            {
                _w.Line("// Shot-aware: the threshold widens by " + D(n.StandardErrors) + " standard errors of the loss difference.");
                _w.Line("var errors = trial as global::NegLR.ILossStandardErrors;");
                _w.Line("double lossError = errors?.LossStandardError ?? 0;");
                _w.Line("trialLoss = trial.EvaluateTrial(__trial);");
                _w.Line("double trialError = errors?.TrialStandardError ?? 0;");
                _w.Line("__phaseRemaining = trialLoss > loss + (" + D(n.Tolerance) + " + (" + D(n.StandardErrors) +
                        " * global::System.Math.Sqrt((lossError * lossError) + (trialError * trialError)))) ? " + I(n.PhaseLength) + " : 0;");
            }
        }

        _w.Line();
    }

    /// <summary>The ascent θ ← θ + η⁻d, advancing the base state or leaving it frozen; or a control's displacement instead.</summary>
    private void WriteAscent(NlrSettings n)
    {
        if (n.Response == NlrResponseKind.Reject)
        {
            WriteRejectedStep(n);
            return;
        }

        if (n.Response == NlrResponseKind.Noise)
        {
            WriteNoiseKick(n);
            return;
        }

        if (n.UpdateBaseStateDuringAscent)
        {
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionLoop(Store.Always, "Ascent θ ← θ + η⁻d; the base state advances too: ", "parameters[i] += negative * d;");
            _w.Line("__baseStepCount = s + 1;");
            return;
        }

        if (!n.NeedsTrial)
        {
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionLoop(Store.Never, "Ascent θ ← θ + η⁻d with the base state frozen: ", "parameters[i] += negative * d;");
            return;
        }

        _w.Line("// Ascent θ ← θ + η⁻d with the base state frozen: reuse the trial's direction, or compute it without storing.");
        using (_w.Block("if (double.IsNaN(trialLoss))"))
        {
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionConstants("");
            using (_w.Block("for (int i = 0; i < gradient.Length; i++)"))
            {
                _w.Line("double g = gradient[i];");
                WriteDirectionBody(Store.Never);
                _w.Line("parameters[i] += negative * d;");
            }
        }

        using (_w.Block("else"))
        {
            using (_w.Block("for (int i = 0; i < n; i++)"))
            {
                _w.Line("parameters[i] += negative * __direction[i];");
            }
        }
    }

    /// <summary>The reject control: θ stays; the base state moves as an ascent would move it.</summary>
    private void WriteRejectedStep(NlrSettings n)
    {
        if (n.UpdateBaseStateDuringAscent)
        {
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionLoop(Store.Always, "Rejected: θ stays, the base state advances as on an ascent: ");
            _w.Line("__baseStepCount = s + 1;");
            return;
        }

        _w.Line("// Rejected: θ stays and the base state is frozen.");
        if (!n.NeedsTrial)
        {
            _w.Line(Support + ".CheckFinite(gradient);");
            return;
        }

        using (_w.Block("if (double.IsNaN(trialLoss))"))
        {
            _w.Line(Support + ".CheckFinite(gradient);");
        }
    }

    /// <summary>The noise control: θ ← θ + ξ, ξ ~ N(0, σ²I) with σ² = (η⁻‖d‖)²/n.</summary>
    private void WriteNoiseKick(NlrSettings n)
    {
        if (n.UpdateBaseStateDuringAscent)
        {
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionLoop(Store.Always, "The direction whose ascent the kick replaces; the base state advances: ", "__direction[i] = d;");
            _w.Line("__baseStepCount = s + 1;");
        }
        else if (!n.NeedsTrial)
        {
            _w.Line(Support + ".CheckFinite(gradient);");
            WriteDirectionLoop(Store.Never, "The direction whose ascent the kick replaces, the base state frozen: ", "__direction[i] = d;");
        }
        else
        {
            _w.Line("// The direction whose ascent the kick replaces (the trial's, unless no trial ran), the base state frozen.");
            using (_w.Block("if (double.IsNaN(trialLoss))"))
            {
                _w.Line(Support + ".CheckFinite(gradient);");
                WriteDirectionConstants("");
                using (_w.Block("for (int i = 0; i < gradient.Length; i++)"))
                {
                    _w.Line("double g = gradient[i];");
                    WriteDirectionBody(Store.Never);
                    _w.Line("__direction[i] = d;");
                }
            }

            _w.Line();
        }

        _w.Line("// Noise kick: σ = η⁻‖d‖/√n per coordinate, so E‖ξ‖² equals the replaced ascent's squared length.");
        _w.Line("double sigma = n == 0 ? 0 : negative * " + Support + ".Norm(__direction) / global::System.Math.Sqrt(n);");
        using (_w.Block("for (int i = 0; i < n; i++)"))
        {
            _w.Line("parameters[i] += sigma * __noise.NextGaussian();");
        }
    }
}

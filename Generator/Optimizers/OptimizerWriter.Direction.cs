using System.Collections.Generic;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

internal sealed partial class OptimizerWriter
{
    /// <summary>When a direction loop stores the base optimizer's updated state.</summary>
    private enum Store
    {
        /// <summary>Pure: the state is only read (a trial, or an ascent with the base state frozen).</summary>
        Never,

        /// <summary>The state advances (a descent, or an ascent that updates the base state).</summary>
        Always,

        /// <summary>Decided at run time by an <c>advance</c> argument (<c>ComputeDirection</c>).</summary>
        IfAdvance,
    }

    /// <summary>The base optimizer's state arrays and their lengths.</summary>
    private IEnumerable<(string Field, string Length)> StateBuffers()
    {
        switch (_base.Kind)
        {
            case BaseOptimizerKind.Momentum:
            case BaseOptimizerKind.Nesterov:
                yield return ("__buffer", "parameterCount");
                break;
            case BaseOptimizerKind.Adagrad:
                yield return ("__accumulator", "parameterCount");
                break;
            case BaseOptimizerKind.RmsProp:
                yield return ("__meanSquare", "parameterCount");
                break;
            case BaseOptimizerKind.Adam:
                yield return ("__m", "parameterCount");
                yield return ("__v", "parameterCount");
                if (_base.AmsGrad)
                {
                    yield return ("__vMax", "parameterCount");
                }

                break;
        }
    }

    /// <summary>
    /// The base optimizer's direction as a loop over i, ending in the lines <paramref name="uses"/> (which read <c>d</c>),
    /// with the per-step constants before it. Expects a <c>long s</c> (the base step count) and the <c>gradient</c> span.
    /// </summary>
    private void WriteDirectionLoop(Store store, string commentPrefix, params string[] uses)
    {
        WriteDirectionConstants(commentPrefix);
        using (_w.Block("for (int i = 0; i < gradient.Length; i++)"))
        {
            _w.Line("double g = gradient[i];");
            WriteDirectionBody(store);
            foreach (string use in uses)
            {
                _w.Line(use);
            }
        }

        _w.Line();
    }

    /// <summary>The comment naming the formula, and Adam's bias corrections (functions of the base step only).</summary>
    private void WriteDirectionConstants(string commentPrefix)
    {
        var b = _base;
        switch (b.Kind)
        {
            case BaseOptimizerKind.Sgd:
                _w.Line("// " + commentPrefix + "SGD, d = g.");
                break;
            case BaseOptimizerKind.Momentum:
                _w.Line("// " + commentPrefix + "Momentum, b ← μb + g, d = b (μ = " + D(b.Momentum) + ").");
                break;
            case BaseOptimizerKind.Nesterov:
                _w.Line("// " + commentPrefix + "Nesterov, b ← μb + g, d = g + μb (μ = " + D(b.Momentum) + ").");
                break;
            case BaseOptimizerKind.Adagrad:
                _w.Line("// " + commentPrefix + "Adagrad, G ← G + g², d = g/(√G + ε) (ε = " + D(b.Epsilon) + ").");
                break;
            case BaseOptimizerKind.RmsProp:
                _w.Line("// " + commentPrefix + "RMSProp, v ← αv + (1 − α)g², d = g/(√v + ε) (α = " + D(b.Alpha) + ", ε = " + D(b.Epsilon) + ").");
                break;
            default:
                _w.Line("// " + commentPrefix + b.RuntimeName + ", m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², d = (m/c₁)/(√" +
                        (b.AmsGrad ? "max v" : "v") + "/√c₂ + ε) with c = 1 − β^(s+1) (β₁ = " + D(b.Beta1) + ", β₂ = " + D(b.Beta2) +
                        ", ε = " + D(b.Epsilon) + ").");
                _w.Line("double c1 = 1 - global::System.Math.Pow(" + D(b.Beta1) + ", s + 1);");
                _w.Line("double sqrtC2 = global::System.Math.Sqrt(1 - global::System.Math.Pow(" + D(b.Beta2) + ", s + 1));");
                break;
        }
    }

    /// <summary>Defines <c>d</c> from <c>g</c> and stores the state as <paramref name="store"/> says.</summary>
    private void WriteDirectionBody(Store store)
    {
        var b = _base;
        var stores = new List<string>();
        switch (b.Kind)
        {
            case BaseOptimizerKind.Sgd:
                _w.Line("double d = g;");
                break;
            case BaseOptimizerKind.Momentum:
                _w.Line("double b = (" + D(b.Momentum) + " * __buffer[i]) + g;");
                _w.Line("double d = b;");
                stores.Add("__buffer[i] = b;");
                break;
            case BaseOptimizerKind.Nesterov:
                _w.Line("double b = (" + D(b.Momentum) + " * __buffer[i]) + g;");
                _w.Line("double d = g + (" + D(b.Momentum) + " * b);");
                stores.Add("__buffer[i] = b;");
                break;
            case BaseOptimizerKind.Adagrad:
                _w.Line("double sum = __accumulator[i] + (g * g);");
                _w.Line("double d = g / (global::System.Math.Sqrt(sum) + " + D(b.Epsilon) + ");");
                stores.Add("__accumulator[i] = sum;");
                break;
            case BaseOptimizerKind.RmsProp:
                _w.Line("double v = (" + D(b.Alpha) + " * __meanSquare[i]) + (" + D(1 - b.Alpha) + " * g * g);");
                _w.Line("double d = g / (global::System.Math.Sqrt(v) + " + D(b.Epsilon) + ");");
                stores.Add("__meanSquare[i] = v;");
                break;
            default:
                _w.Line("double m = (" + D(b.Beta1) + " * __m[i]) + (" + D(1 - b.Beta1) + " * g);");
                _w.Line("double v = (" + D(b.Beta2) + " * __v[i]) + (" + D(1 - b.Beta2) + " * g * g);");
                string moment = "v";
                if (b.AmsGrad)
                {
                    _w.Line("double vMax = global::System.Math.Max(__vMax[i], v);");
                    stores.Add("__vMax[i] = vMax;");
                    moment = "vMax";
                }

                _w.Line("double d = (m / c1) / ((global::System.Math.Sqrt(" + moment + ") / sqrtC2) + " + D(b.Epsilon) + ");");
                stores.Add("__m[i] = m;");
                stores.Add("__v[i] = v;");
                break;
        }

        if (stores.Count == 0 || store == Store.Never)
        {
            return;
        }

        if (store == Store.Always)
        {
            foreach (string line in stores)
            {
                _w.Line(line);
            }

            return;
        }

        using (_w.Block("if (advance)"))
        {
            foreach (string line in stores)
            {
                _w.Line(line);
            }
        }
    }
}

using System;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

internal sealed partial class OptimizerWriter
{
    /// <summary>
    /// η_t as one static method, the runtime schedule's formula with its constants inlined. The warm-up's target rate
    /// η_after(0) is folded here: at step 0 every schedule's formula reduces to exact operations (γ⁰ = 1, cos 0 = 1).
    /// </summary>
    private void WriteRate()
    {
        var s = _s.Schedule;
        _w.Line("// η_t: " + OptimizerDescription.Schedule(s) + " (η = " + D(s.InitialRate) + ").");
        using (_w.Block("private static double __Rate(long step)"))
        {
            if (s.HasWarmup)
            {
                _w.Line("// Linear warm-up: η_after(0)·(f + (1 − f)·t/W) for t < W, then the schedule restarts from t − W.");
                using (_w.Block("if (step < " + I(s.WarmupSteps) + ")"))
                {
                    _w.Line("return " + D(RateAtZero(s)) + " * (" + D(s.WarmupStartFactor) + " + (" + D(1 - s.WarmupStartFactor) + " * step / " + I(s.WarmupSteps) + "));");
                }

                _w.Line();
                _w.Line("step -= " + I(s.WarmupSteps) + ";");
            }

            switch (s.Kind)
            {
                case ScheduleKind.Step:
                    _w.Line("// Step decay: η·γ^⌊t/S⌋.");
                    _w.Line("return " + D(s.InitialRate) + " * global::System.Math.Pow(" + D(s.Gamma) + ", step / " + I(s.StepSize) + ");");
                    break;
                case ScheduleKind.Exponential:
                    _w.Line("// Exponential decay: η·γ^t.");
                    _w.Line("return " + D(s.InitialRate) + " * global::System.Math.Pow(" + D(s.Gamma) + ", step);");
                    break;
                case ScheduleKind.Cosine:
                    _w.Line("// Cosine annealing: η_min + (η − η_min)(1 + cos(πt/T))/2 for t < T, then η_min.");
                    _w.Line("return step >= " + I(s.TotalSteps) + " ? " + D(s.MinimumRate) + " : " + D(s.MinimumRate) + " + (" +
                            D(s.InitialRate - s.MinimumRate) + " * (1 + global::System.Math.Cos(global::System.Math.PI * step / " + I(s.TotalSteps) + ")) / 2);");
                    break;
                default:
                    _w.Line("return " + D(s.InitialRate) + ";");
                    break;
            }
        }
    }

    /// <summary>The schedule after the warm-up at its step 0, computed exactly as the runtime class computes it.</summary>
    private static double RateAtZero(ScheduleSettings s) => s.Kind switch
    {
        ScheduleKind.Step or ScheduleKind.Exponential => s.InitialRate * Math.Pow(s.Gamma, 0),
        ScheduleKind.Cosine => s.MinimumRate + ((s.InitialRate - s.MinimumRate) * (1 + Math.Cos(Math.PI * 0L / s.TotalSteps)) / 2),
        _ => s.InitialRate,
    };
}

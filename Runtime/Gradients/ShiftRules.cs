using System;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// A circuit run with one compiled step's angle shifted — what the parameter-shift rules call. Implemented by small
/// ref structs that hold the call's spans (weights, inputs) and whatever the engine needs (state-vector interpreter,
/// density matrix, trajectories, shots), so every engine shares one copy of the rules and nothing is allocated.
/// </summary>
internal interface IShiftedRun
{
    /// <summary>⟨O⟩ (or its estimate) with step <paramref name="step"/>'s angle shifted by <paramref name="shift"/>.</summary>
    double Run(int step, double shift);
}

/// <summary>
/// The parameter-shift rules (two terms for generators with eigenvalues one apart, four for the controlled rotations,
/// Wierichs et al. 2022), written once for every engine. The runs happen in a fixed order (+π/2, −π/2, then +3π/2,
/// −3π/2), so engines that draw shots or trajectories consume their random streams the same way they always did.
/// </summary>
internal static class ShiftRules
{
    /// <summary>∂⟨O⟩/∂θ of step <paramref name="step"/>'s angle θ by its shift rule.</summary>
    public static double Derivative<TRun>(ref TRun run, int step, ShiftRule rule)
        where TRun : IShiftedRun, allows ref struct
    {
        const double Half = Math.PI / 2;
        double near = run.Run(step, Half) - run.Run(step, -Half);
        if (rule != ShiftRule.FourTerm)
        {
            return near / 2;
        }

        double far = run.Run(step, 3 * Half) - run.Run(step, -3 * Half);
        return (GeneratedCodeSupport.FourTermPlus * near) - (GeneratedCodeSupport.FourTermMinus * far);
    }

    /// <summary>
    /// Adds every trainable step's derivative, times its angle's scale, to its weight's entry of <paramref name="gradient"/>
    /// (a weight several gates use sums their derivatives).
    /// </summary>
    public static void Accumulate<TRun>(ReadOnlySpan<Instruction> program, ref TRun run, Span<double> gradient)
        where TRun : IShiftedRun, allows ref struct
    {
        for (int k = 0; k < program.Length; k++)
        {
            ref readonly var ins = ref program[k];
            if (ins.IsTrainable)
            {
                gradient[ins.Angle.Index] += ins.Angle.Scale * Derivative(ref run, k, ins.ShiftRule);
            }
        }
    }

    /// <summary>The circuit runs <see cref="Accumulate"/> makes: 2 per trainable step, 4 for CRX/CRY/CRZ.</summary>
    public static int Runs(ReadOnlySpan<Instruction> program)
    {
        int runs = 0;
        foreach (ref readonly var ins in program)
        {
            if (ins.IsTrainable)
            {
                runs += ins.ShiftRule == ShiftRule.FourTerm ? 4 : 2;
            }
        }

        return runs;
    }
}

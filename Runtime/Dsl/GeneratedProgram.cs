using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// The compiled steps of a generated ansatz, built once per type from the circuit its <c>CreateCircuit()</c> records:
/// the argument table, the parameter-shift table and the one-kernel-call-per-step path (for machines without 256-bit
/// SIMD, and for the parts of a circuit too large to be worth unrolling into register tiles) as data driving small
/// loops, instead of code written out step by step. Generated code calls it; it is not meant to be called by hand.
/// </summary>
/// <remarks>
/// Each step runs the interpreter's own kernel (<see cref="InstructionExecutor"/>), so this path agrees with
/// <see cref="CircuitInterpreter"/> to rounding by construction. Immutable and thread-safe; nothing here allocates
/// after construction.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class GeneratedProgram
{
    private readonly Instruction[] _steps;
    private readonly int[] _slots;
    private readonly ShiftStep[] _shifts;
    private readonly int _firstTrainable;

    private GeneratedProgram(Instruction[] steps)
    {
        _steps = steps;
        _slots = ProgramLayout.Slots(steps, out int count);
        ArgumentCount = count;
        int trainable = 0;
        _firstTrainable = steps.Length;
        for (int k = steps.Length - 1; k >= 0; k--)
        {
            if (steps[k].IsTrainable)
            {
                trainable++;
                _firstTrainable = k;
            }
        }

        _shifts = new ShiftStep[trainable];
        for (int k = 0, i = 0; k < steps.Length; k++)
        {
            if (steps[k].IsTrainable)
            {
                _shifts[i++] = new ShiftStep(k, steps[k].Angle.Index, steps[k].Angle.Scale, steps[k].ShiftRule == ShiftRule.FourTerm);
            }
        }
    }

    /// <summary>
    /// Compiles <paramref name="circuit"/> and checks it is the circuit the generator compiled (same
    /// <paramref name="fingerprint"/>): the register tiles were written from that one, and both paths must run the same steps.
    /// </summary>
    /// <exception cref="InvalidOperationException">The circuit recorded now differs from the one the generator saw.</exception>
    public static GeneratedProgram Create(string ansatz, Circuit circuit, long fingerprint)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var steps = InstructionCompiler.Compile(circuit);
        long actual = ProgramLayout.Fingerprint(steps);
        if (actual != fingerprint)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The circuit {ansatz} records at run time ({steps.Length} steps, fingerprint {actual:x16}) is not the one the NegLR source " +
                $"generator compiled (fingerprint {fingerprint:x16}); the NegLR package's generator and library differ. Rebuild with one NegLR version."));
        }

        return new GeneratedProgram(steps);
    }

    /// <summary>Number of compiled steps.</summary>
    public int StepCount => _steps.Length;

    /// <summary>Number of argument slots (steps with an angle).</summary>
    public int ArgumentCount { get; }

    /// <summary>The trainable steps in order, with what parameter shift needs of each.</summary>
    public ReadOnlySpan<ShiftStep> Shifts => _shifts;

    /// <summary>Each angle times ½ (rotations) or 1 (phases), in slot order: the arguments the register tiles take cosines and sines of.</summary>
    public void Arguments(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> arguments)
    {
        for (int k = 0; k < _steps.Length; k++)
        {
            int slot = _slots[k];
            if (slot >= 0)
            {
                ref readonly var ins = ref _steps[k];
                arguments[slot] = ProgramLayout.ArgumentScale(ins.Kind) * ins.Angle.Evaluate(weights, inputs);
            }
        }
    }

    /// <summary>Adds <paramref name="shift"/> to step <paramref name="step"/>'s angle (its argument, scaled like the angle).</summary>
    public void Shift(Span<double> arguments, int step, double shift) =>
        arguments[_slots[step]] += ProgramLayout.ArgumentScale(_steps[step].Kind) * shift;

    /// <summary>Applies steps [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="state"/>, one kernel call each.</summary>
    public void Forward(Span<Complex> state, ReadOnlySpan<double> arguments, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            ref readonly var ins = ref _steps[k];
            InstructionExecutor.Apply(ins, Angle(ins, arguments, k), state, inverse: false);
        }
    }

    /// <summary>
    /// The adjoint pass over steps [<paramref name="from"/>, <paramref name="to"/>), last first: each trainable step adds
    /// its 2·Im⟨λ|G|φ⟩ to the gradient, then the step is un-applied from φ (<paramref name="state"/>) and λ
    /// (<paramref name="adjoint"/>). Below the circuit's first trainable step nothing is left to do, so it stops there.
    /// </summary>
    public void Backward(Span<Complex> state, Span<Complex> adjoint, ReadOnlySpan<double> arguments, Span<double> gradient, int from, int to)
    {
        for (int k = to - 1; k >= from && k >= _firstTrainable; k--)
        {
            ref readonly var ins = ref _steps[k];
            if (ins.IsTrainable)
            {
                var overlap = CircuitInterpreter.GeneratorOverlap(ins, adjoint, state);
                gradient[ins.Angle.Index] += ins.Angle.Scale * 2 * ins.GeneratorScale * overlap.Imaginary;
            }

            if (k > _firstTrainable)
            {
                double theta = Angle(ins, arguments, k);
                InstructionExecutor.Apply(ins, theta, state, inverse: true);
                InstructionExecutor.Apply(ins, theta, adjoint, inverse: true);
            }
        }
    }

    /// <summary>
    /// Adds the per-slot gradients register tiles wrote for loops whose layers differ in their angles (each slot's
    /// 2·Im⟨λ|G|φ⟩) to the weights: weight w gets scale · <paramref name="slotGradients"/>[slot] for every step on w.
    /// </summary>
    public void AddSlotGradients(ReadOnlySpan<double> slotGradients, Span<double> gradient, int fromStep, int toStep)
    {
        for (int k = fromStep; k < toStep; k++)
        {
            ref readonly var ins = ref _steps[k];
            if (ins.IsTrainable)
            {
                gradient[ins.Angle.Index] += ins.Angle.Scale * slotGradients[_slots[k]];
            }
        }
    }

    private double Angle(in Instruction ins, ReadOnlySpan<double> arguments, int k) =>
        ins.HasAngle ? arguments[_slots[k]] / ProgramLayout.ArgumentScale(ins.Kind) : 0;
}

/// <summary>One trainable step for parameter shift: the step, its weight, the weight's scale in the angle, and its rule.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ShiftStep
{
    internal ShiftStep(int step, int weight, double scale, bool fourTerm)
    {
        Step = step;
        Weight = weight;
        Scale = scale;
        FourTerm = fourTerm;
    }

    /// <summary>The step's index in the compiled program.</summary>
    public int Step { get; }

    /// <summary>The weight the step's angle reads.</summary>
    public int Weight { get; }

    /// <summary>The weight's factor in the angle (∂angle/∂weight).</summary>
    public double Scale { get; }

    /// <summary>True for the four-term rule (CRX, CRY, CRZ); false for the two-term rule.</summary>
    public bool FourTerm { get; }
}

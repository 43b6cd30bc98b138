using System;

namespace NegLR;

/// <summary>
/// The value of a parameter expression: a number, or an affine form <c>Scale · v + Offset</c> of one OpenQASM 3
/// <c>input</c> (which becomes a NegLR weight or data input). The shape of <see cref="Angle"/>, without its argument
/// checks, so the importer can report a non-finite or non-affine expression as a <see cref="QasmException"/>.
/// </summary>
internal readonly record struct QasmValue(AngleSource Source, int Index, double Scale, double Offset)
{
    public bool IsConstant => Source == AngleSource.Constant;

    public bool IsFinite => double.IsFinite(Scale) && double.IsFinite(Offset);

    public static QasmValue Constant(double value) => new(AngleSource.Constant, 0, 0, value);

    /// <summary>The variable itself: weight or data input <paramref name="index"/>.</summary>
    public static QasmValue Variable(AngleSource source, int index) => new(source, index, 1, 0);

    /// <summary>True when both depend on the same variable (or both are numbers).</summary>
    public bool SameVariable(QasmValue other) => Source == other.Source && (IsConstant || Index == other.Index);

    /// <summary>The NegLR angle: built as <c>v · Scale + Offset</c>, which reproduces both parts bit for bit.</summary>
    public Angle ToAngle() => Source switch
    {
        AngleSource.Weight => (Angle.OfWeight(Index) * Scale) + Offset,
        AngleSource.Input => (Angle.OfInput(Index) * Scale) + Offset,
        _ => Angle.Constant(Offset),
    };

    /// <summary>The value as a NegLR angle's parts, for values that came from an <see cref="Angle"/>.</summary>
    public static QasmValue Of(Angle angle) => new(angle.Source, angle.Index, angle.Scale, angle.Offset);

    public override string ToString() => IsConstant ? Offset.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : ToAngle().ToString();
}

/// <summary>
/// What an expression may refer to besides numbers: the enclosing gate's parameter values (empty outside a gate body),
/// the program's <c>input</c> variables and, inside an expansion, the application being expanded (for messages).
/// </summary>
internal readonly ref struct QasmEnvironment
{
    public QasmEnvironment(ReadOnlySpan<QasmValue> parameters, ReadOnlySpan<QasmValue> inputs, QasmCallSite? site)
    {
        Parameters = parameters;
        Inputs = inputs;
        Site = site;
    }

    public ReadOnlySpan<QasmValue> Parameters { get; }

    public ReadOnlySpan<QasmValue> Inputs { get; }

    public QasmCallSite? Site { get; }
}

using System;
using System.Globalization;

namespace NegLR.Generator.Parsing;

/// <summary>
/// A value while a <c>[Circuit]</c> body runs at compile time. Every value is known exactly (the checker rejects
/// anything else before the body runs), so there is no "unknown" state. Arrays share their element store, as C# arrays
/// do; tuples are never mutated in place, so sharing theirs is safe.
/// </summary>
/// <remarks>
/// Kept small (24 bytes), since the runner copies values at every step: an angle, the one large value, is held boxed
/// (it is immutable, so sharing the box is safe).
/// </remarks>
internal readonly struct BodyValue
{
    private readonly int _int;
    private readonly double _double;
    private readonly object? _reference;

    private BodyValue(BodyType type, int i = 0, double d = 0, object? reference = null)
    {
        Type = type;
        _int = i;
        _double = d;
        _reference = reference;
    }

    /// <summary>The kind of value; <see cref="BodyType.Unsupported"/> for "nothing" (a void call, an unassigned local).</summary>
    public BodyType Type { get; }

    public static BodyValue None => default;

    public static BodyValue Of(int value) => new(BodyType.Int, i: value);

    public static BodyValue Of(double value) => new(BodyType.Double, d: value);

    public static BodyValue Of(bool value) => new(BodyType.Bool, i: value ? 1 : 0);

    public static BodyValue Of(Angle value) => new(BodyType.Angle, reference: value);

    public static BodyValue Of(string? value) => new(BodyType.String, reference: value);

    public static BodyValue Of(Circuit value) => new(BodyType.Circuit, reference: value);

    public static BodyValue ArrayOf(BodyValue[] elements) => new(BodyType.Array, reference: elements);

    public static BodyValue TupleOf(BodyValue[] elements) => new(BodyType.Tuple, reference: elements);

    public int AsInt() => Type == BodyType.Int ? _int : throw Mismatch("an int");

    public double AsDouble() => Type switch
    {
        BodyType.Double => _double,
        BodyType.Int => _int,
        _ => throw Mismatch("a number"),
    };

    public bool AsBool() => Type == BodyType.Bool ? _int != 0 : throw Mismatch("a bool");

    /// <summary>The angle; numbers become constant angles, as <c>Angle</c>'s implicit conversion makes them.</summary>
    public Angle AsAngle() => Type switch
    {
        BodyType.Angle => (Angle)_reference!,
        BodyType.Double or BodyType.Int => Angle.Constant(AsDouble()),
        _ => throw Mismatch("an angle"),
    };

    public string? AsString() => Type == BodyType.String ? (string?)_reference : throw Mismatch("a string");

    public Circuit AsCircuit() => Type == BodyType.Circuit && _reference is Circuit c ? c : throw Mismatch("the circuit");

    /// <summary>The elements of an array (shared, so element assignment is seen through every alias).</summary>
    public BodyValue[] AsArray() => Type == BodyType.Array && _reference is BodyValue[] a ? a : throw Mismatch("an array");

    /// <summary>The elements of a tuple, in order.</summary>
    public BodyValue[] AsTuple() => Type == BodyType.Tuple && _reference is BodyValue[] t ? t : throw Mismatch("a tuple");

    /// <summary>A copy as <c>int[]</c>, for <c>MultiRZ</c>/<c>PauliRot</c> qubit lists.</summary>
    public int[] ToIntArray()
    {
        var elements = AsArray();
        var result = new int[elements.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = elements[i].AsInt();
        }

        return result;
    }

    /// <summary>A copy as an edge list, for <c>QaoaMaxCut</c>.</summary>
    public (int U, int V)[] ToEdges()
    {
        var elements = AsArray();
        var result = new (int U, int V)[elements.Length];
        for (int i = 0; i < result.Length; i++)
        {
            var pair = elements[i].AsTuple();
            if (pair.Length != 2)
            {
                throw Mismatch("a pair");
            }

            result[i] = (pair[0].AsInt(), pair[1].AsInt());
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => Type switch
    {
        BodyType.Int => _int.ToString(CultureInfo.InvariantCulture),
        BodyType.Double => _double.ToString("R", CultureInfo.InvariantCulture),
        BodyType.Bool => _int != 0 ? "true" : "false",
        BodyType.Angle => ((Angle)_reference!).ToString(),
        BodyType.String => _reference is string s ? "\"" + s + "\"" : "null",
        BodyType.Circuit => "circuit",
        BodyType.Array => "array[" + AsArray().Length.ToString(CultureInfo.InvariantCulture) + "]",
        BodyType.Tuple => "(" + string.Join(", ", Array.ConvertAll(AsTuple(), v => v.ToString())) + ")",
        _ => "nothing",
    };

    // The checker guarantees types line up; a mismatch is a bug in the reader, reported as such, never a crash.
    private InvalidOperationException Mismatch(string expected) =>
        new($"The circuit reader expected {expected} but had {ToString()}.");
}

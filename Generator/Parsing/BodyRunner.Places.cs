using System.Globalization;

namespace NegLR.Generator.Parsing;

// Places a value is stored: locals, array elements, and tuples of them for deconstruction.
internal sealed partial class BodyRunner
{
    /// <summary>Evaluates what an assignment writes to (array and index first, as C# does), without reading it.</summary>
    private Place Resolve(int n)
    {
        var node = Node(n);
        switch (node.Kind)
        {
            case BodyNodeKind.LocalPlace:
                return new Place(node.A);
            case BodyNodeKind.ElementPlace:
                return Element(n);
            case BodyNodeKind.TuplePlace:
                var parts = new Place[node.ChildCount];
                for (int i = 0; i < parts.Length; i++)
                {
                    parts[i] = Resolve(Child(n, i));
                }

                return new Place(parts);
            case BodyNodeKind.DiscardPlace:
                return Place.Discard;
            default:
                throw Unexpected(n);
        }
    }

    /// <summary>An array element: the array and the index evaluated and checked, as C# does before reading or writing it.</summary>
    private Place Element(int n)
    {
        var array = Evaluate(Child(n, 0)).AsArray();
        int index = Evaluate(Child(n, 1)).AsInt();
        if ((uint)index >= (uint)array.Length)
        {
            throw Fail(n, WouldThrow(n, $"index {index.ToString(CultureInfo.InvariantCulture)} is outside an array of length " +
                $"{array.Length.ToString(CultureInfo.InvariantCulture)}") + ".");
        }

        // A read of an element (ArrayElement) needs no type; a store (ElementPlace) converts to the element's type.
        return new Place(array, index, Node(n).Kind == BodyNodeKind.ElementPlace ? Node(n).A : -1);
    }

    private BodyValue Load(Place place) =>
        place.Array is { } array ? array[place.Index]
        : place.Slot >= 0 && _assigned[place.Slot] ? _locals[place.Slot]
        : throw new System.InvalidOperationException("The circuit reader read a place that holds no value.");

    /// <summary>
    /// Stores <paramref name="value"/>, converted to the place's type (a foreach, deconstruction or compound assignment
    /// may convert), and returns what was stored.
    /// </summary>
    private BodyValue Assign(int at, Place place, BodyValue value, bool isChecked = false)
    {
        if (place.Parts is { } parts)
        {
            var elements = value.AsTuple();
            for (int i = 0; i < parts.Length; i++)
            {
                Assign(at, parts[i], elements[i], isChecked);
            }

            return value;
        }

        if (place.Slot >= 0)
        {
            // Most stores already have the local's type (the compiler inserted the conversions); skip the work then.
            int type = _model.LocalTypes[place.Slot];
            var kind = _model.Types[type].Kind;
            _locals[place.Slot] = value.Type == kind && kind != BodyType.Tuple ? value : Convert(at, value, type, isChecked);
            _assigned[place.Slot] = true;
            return _locals[place.Slot];
        }

        if (place.Array is { } array)
        {
            return array[place.Index] = place.ElementType >= 0 ? Convert(at, value, place.ElementType, isChecked) : value;
        }

        // A discard.
        return value;
    }

    /// <summary>A local (slot), an array element, a tuple of places (deconstruction), or nothing (a discard).</summary>
    private readonly struct Place
    {
        public Place(int slot)
        {
            Slot = slot;
            Array = null;
            Index = 0;
            ElementType = -1;
            Parts = null;
        }

        public Place(BodyValue[] array, int index, int elementType)
        {
            Slot = -1;
            Array = array;
            Index = index;
            ElementType = elementType;
            Parts = null;
        }

        public Place(Place[] parts)
        {
            Slot = -1;
            Array = null;
            Index = 0;
            ElementType = -1;
            Parts = parts;
        }

        /// <summary>A discard: no slot, array or parts, so a store goes nowhere.</summary>
        public static Place Discard => new(-1);

        /// <summary>The local's slot, or −1.</summary>
        public int Slot { get; }

        public BodyValue[]? Array { get; }

        public int Index { get; }

        public int ElementType { get; }

        public Place[]? Parts { get; }
    }
}

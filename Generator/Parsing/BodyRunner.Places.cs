using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

// Places a value is stored: locals, array elements, and tuples of them for deconstruction.
internal sealed partial class BodyRunner
{
    /// <summary>Evaluates what an assignment writes to (array and index first, as C# does), without reading it.</summary>
    private Place Resolve(IOperation target)
    {
        switch (target)
        {
            case IVariableDeclaratorOperation declarator:
                return new Place(Slot(declarator, declarator.Symbol));
            case ILocalReferenceOperation local:
                return new Place(Slot(local, local.Local));
            case IArrayElementReferenceOperation element:
                var array = Evaluate(element.ArrayReference).AsArray();
                int index = Evaluate(element.Indices[0]).AsInt();
                if ((uint)index >= (uint)array.Length)
                {
                    throw Fail(element, $"'{UnsupportedConstructs.Snippet(element.Syntax)}' would throw at run time: index " +
                        $"{index.ToString(CultureInfo.InvariantCulture)} is outside an array of length {array.Length.ToString(CultureInfo.InvariantCulture)}.");
                }

                return new Place(array, index, element.Type);
            case IDeclarationExpressionOperation declaration:
                return Resolve(declaration.Expression);
            case ITupleOperation tuple:
                var parts = new Place[tuple.Elements.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    parts[i] = Resolve(tuple.Elements[i]);
                }

                return new Place(parts);
            case IDiscardOperation:
                return default;
            default:
                throw Unexpected(target);
        }
    }

    private BodyValue Load(Place place) =>
        place.Array is { } array ? array[place.Index]
        : place.Local is { Assigned: true } local ? local.Value
        : throw new System.InvalidOperationException("The circuit reader read a place that holds no value.");

    /// <summary>
    /// Stores <paramref name="value"/>, converted to the place's type (a foreach, deconstruction or compound assignment
    /// may convert), and returns what was stored.
    /// </summary>
    private BodyValue Assign(IOperation at, Place place, BodyValue value, bool isChecked = false)
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

        if (place.Local is { } local)
        {
            // Most stores already have the local's type (the compiler inserted the conversions); skip the work then.
            local.Value = value.Type == local.Type && value.Type != BodyType.Tuple ? value : Convert(at, value, local.Symbol, isChecked);
            local.Assigned = true;
            return local.Value;
        }

        if (place.Array is { } array)
        {
            return array[place.Index] = Convert(at, value, place.ElementType, isChecked);
        }

        // A discard.
        return value;
    }

    /// <summary>The storage of <paramref name="local"/> as <paramref name="node"/> names it (looked up by symbol once per node).</summary>
    private LocalSlot Slot(IOperation node, ILocalSymbol local)
    {
        if (!_slotsByNode.TryGetValue(node, out var slot))
        {
            slot = Slot(local);
            _slotsByNode.Add(node, slot);
        }

        return slot;
    }

    /// <summary>The storage of <paramref name="local"/>, created on first use.</summary>
    private LocalSlot Slot(ILocalSymbol local)
    {
        if (!_locals.TryGetValue(local, out var slot))
        {
            slot = new LocalSlot(local.Type);
            _locals.Add(local, slot);
        }

        return slot;
    }

    /// <summary>A local's storage: its type, classified once rather than on every store, and its current value.</summary>
    private sealed class LocalSlot
    {
        public LocalSlot(ITypeSymbol symbol)
        {
            Symbol = symbol;
            Type = BodyTypes.Classify(symbol);
        }

        public ITypeSymbol Symbol { get; }

        public BodyType Type { get; }

        public BodyValue Value { get; set; }

        public bool Assigned { get; set; }
    }

    /// <summary>A local, an array element, a tuple of places (deconstruction), or nothing (a discard).</summary>
    private readonly struct Place
    {
        public Place(LocalSlot local) => Local = local;

        public Place(BodyValue[] array, int index, ITypeSymbol? elementType)
        {
            Array = array;
            Index = index;
            ElementType = elementType;
        }

        public Place(Place[] parts) => Parts = parts;

        public LocalSlot? Local { get; }

        public BodyValue[]? Array { get; }

        public int Index { get; }

        public ITypeSymbol? ElementType { get; }

        public Place[]? Parts { get; }
    }
}

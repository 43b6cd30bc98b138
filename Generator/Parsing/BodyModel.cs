using System;
using System.Collections.Immutable;
using System.Linq;

namespace NegLR.Generator.Parsing;

/// <summary>
/// A <c>[Circuit]</c> body lowered from the compiler's operation tree into plain values: every conversion, overload,
/// constant and argument order the compiler resolved is written into the nodes, so <see cref="BodyRunner"/> can run
/// the body with no symbol, syntax node or semantic model in reach. Value-equal (a comment or a moved line leaves it
/// equal), which is what lets the generator's pipeline cache everything downstream of it.
/// </summary>
/// <remarks>
/// Nodes live in one flat array in creation order, children by index through <see cref="Children"/>; locals are
/// slots (one per local symbol, so C#'s scoping was already resolved by the compiler); types that conversions and
/// stores need are entries of <see cref="Types"/>.
/// </remarks>
internal sealed class BodyModel : IEquatable<BodyModel>
{
    public BodyModel(ImmutableArray<BodyNode> nodes, ImmutableArray<int> children, ImmutableArray<BodyTypeSpec> types,
        ImmutableArray<int> localTypes, int root)
    {
        Nodes = nodes;
        Children = children;
        Types = types;
        LocalTypes = localTypes;
        Root = root;
    }

    /// <summary>Every node, children before their parents.</summary>
    public ImmutableArray<BodyNode> Nodes { get; }

    /// <summary>Child indices: node n's children are <c>Children[n.ChildStart .. n.ChildStart + n.ChildCount)</c>.</summary>
    public ImmutableArray<int> Children { get; }

    /// <summary>The types conversions, stores and defaults name, by index.</summary>
    public ImmutableArray<BodyTypeSpec> Types { get; }

    /// <summary>The type (index into <see cref="Types"/>) of each local slot.</summary>
    public ImmutableArray<int> LocalTypes { get; }

    /// <summary>The body's statement (a block, or an expression statement for an expression body).</summary>
    public int Root { get; }

    /// <summary>Child <paramref name="i"/> of <paramref name="node"/>.</summary>
    public int Child(in BodyNode node, int i) => Children[node.ChildStart + i];

    public bool Equals(BodyModel? other) =>
        other is not null && Root == other.Root && Nodes.SequenceEqual(other.Nodes) && Children.SequenceEqual(other.Children)
        && Types.SequenceEqual(other.Types) && LocalTypes.SequenceEqual(other.LocalTypes);

    public override bool Equals(object? obj) => Equals(obj as BodyModel);

    public override int GetHashCode()
    {
        int hash = Root;
        foreach (var node in Nodes)
        {
            hash = unchecked((hash * 31) + node.GetHashCode());
        }

        return hash;
    }
}

/// <summary>What a <see cref="BodyNode"/> is; the meaning of its A, B, C fields is given per kind.</summary>
internal enum BodyNodeKind : byte
{
    /// <summary>An operation the runner cannot run (the checker reports it first); Text names it.</summary>
    Invalid,

    // Statements.

    /// <summary>Children: statements.</summary>
    Block,

    /// <summary>A declaration statement; children: <see cref="Declare"/> nodes.</summary>
    Declarations,

    /// <summary>One declarator with an initializer: A = slot; child: the value.</summary>
    Declare,

    /// <summary>Child: the expression.</summary>
    ExpressionStatement,

    /// <summary>A = number of 'before' statements, B = 1 with a condition, C = number of 'at bottom' statements; children in that order, then the body.</summary>
    For,

    /// <summary>Children: collection, target place, body.</summary>
    ForEach,

    /// <summary>Children: condition, then, else (optional).</summary>
    If,

    Break,
    Continue,
    Return,
    Empty,

    // Expressions.

    /// <summary>A = <see cref="BodyConstantKind"/>; B = an int or bool value, Number = a double, Text = a string.</summary>
    Constant,

    /// <summary>A = slot.</summary>
    Local,

    /// <summary>The method's Circuit parameter.</summary>
    CircuitParameter,

    /// <summary>A = element index; child: the tuple.</summary>
    TupleElement,

    /// <summary>An array's length; child: the array.</summary>
    ArrayLength,

    /// <summary>Text = the property's name; child: the circuit.</summary>
    CircuitProperty,

    /// <summary>Text = the method's name, A = its parameter count, C = 1 when it returns an Angle; children: receiver, <see cref="Argument"/> nodes.</summary>
    CircuitCall,

    /// <summary>Text = the function's key (<c>Math.Sin(double)</c>, <c>Angle.op_Multiply(Angle,Double)</c>), A = 1 with a receiver, B = parameter count; children: receiver (optional), <see cref="Argument"/> nodes.</summary>
    PureCall,

    /// <summary>A = parameter ordinal, B = 1 when the compiler supplied it (a default or a params array), Text = parameter name; child: the value.</summary>
    Argument,

    /// <summary>A = <c>BinaryOperatorKind</c>, B = 1 when checked; children: left, right.</summary>
    Binary,

    /// <summary>A = <c>UnaryOperatorKind</c>, B = 1 when checked; child: operand.</summary>
    Unary,

    /// <summary>A = target type, B = 1 when checked, C = 1 when the compiler inserted it; child: operand.</summary>
    Conversion,

    /// <summary>Children: condition, when true, when false.</summary>
    Conditional,

    /// <summary>A = element type, B = 1 for <c>new T[n]</c> (child: the length), 0 for an initializer (children: the elements).</summary>
    ArrayCreation,

    /// <summary>Children: array, index.</summary>
    ArrayElement,

    /// <summary>Children: the elements.</summary>
    Tuple,

    /// <summary>Children: target place, value.</summary>
    Assign,

    /// <summary>A = <c>BinaryOperatorKind</c>, B = 1 when checked, Text = an Angle operator's key or null; children: target place, value.</summary>
    CompoundAssign,

    /// <summary>A = 1 for ++ (0 for --), B = 1 when postfix, C = 1 when checked; child: target place.</summary>
    Increment,

    /// <summary>Children: target place (a tuple of places), value.</summary>
    Deconstruct,

    /// <summary>A = type.</summary>
    Default,

    // Places an assignment writes to.

    /// <summary>A = slot.</summary>
    LocalPlace,

    /// <summary>A = element type; children: array, index.</summary>
    ElementPlace,

    /// <summary>Children: places.</summary>
    TuplePlace,

    DiscardPlace,
}

/// <summary>The kind of value a <see cref="BodyNodeKind.Constant"/> holds.</summary>
internal enum BodyConstantKind
{
    Int,
    Double,
    Bool,
    String,
    Null,
}

/// <summary>
/// One lowered operation: a kind, three small integers whose meaning depends on the kind, a child range, and a number
/// or text where the kind needs one. Holds no position, so moving code leaves it equal.
/// </summary>
internal readonly record struct BodyNode(BodyNodeKind Kind, int A, int B, int C, int ChildStart, int ChildCount, double Number, string? Text);

/// <summary>A type a body value can have: its kind, and the element types of an array (one) or a tuple (each).</summary>
internal readonly struct BodyTypeSpec : IEquatable<BodyTypeSpec>
{
    public BodyTypeSpec(BodyType kind, ImmutableArray<int> elements)
    {
        Kind = kind;
        Elements = elements.IsDefault ? ImmutableArray<int>.Empty : elements;
    }

    public BodyType Kind { get; }

    /// <summary>Indices into <see cref="BodyModel.Types"/>.</summary>
    public ImmutableArray<int> Elements { get; }

    public bool Equals(BodyTypeSpec other) => Kind == other.Kind && Elements.SequenceEqual(other.Elements);

    public override bool Equals(object? obj) => obj is BodyTypeSpec other && Equals(other);

    public override int GetHashCode() => ((int)Kind * 31) + Elements.Length;
}

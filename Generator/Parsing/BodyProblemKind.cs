namespace NegLR.Generator.Parsing;

/// <summary>Why a <c>[Circuit]</c> body could not be read at compile time.</summary>
internal enum BodyProblemKind
{
    /// <summary>A C# construct outside the circuit subset (a <c>while</c> loop, a lambda, a field assignment, …).</summary>
    UnsupportedConstruct,

    /// <summary>A value the generator cannot know at compile time (a non-<c>const</c> field, a property).</summary>
    NonConstantValue,

    /// <summary>A loop condition or <c>foreach</c> collection that depends on something not known at compile time.</summary>
    NonConstantLoopBound,

    /// <summary>A call to something other than the <c>Circuit</c> parameter or a known <c>Math</c> function.</summary>
    UnknownCall,

    /// <summary>An argument the circuit rejects (qubit out of range, the same qubit twice, NaN angle, …), or an operation that would throw at run time.</summary>
    InvalidGateArgument,

    /// <summary>The body records too many gates or evaluates too many steps (usually a huge or endless loop).</summary>
    BudgetExceeded,

    /// <summary>The method is not <c>static void Name(Circuit c)</c> with a body.</summary>
    InvalidSignature,
}

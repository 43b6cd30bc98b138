using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Parsing;

namespace NegLR.Generator.Pipeline;

/// <summary>
/// Whether each attributed method of an [Ansatz] type is its <c>[Circuit]</c> method and, if so, its body lowered to a
/// <see cref="BodyModel"/>, kept per syntax node. Finding out needs the compiler to bind the method's attributes and
/// body, and doing that for every ansatz on every keystroke costs tens of milliseconds in a project of twenty —
/// more than all the rest of the pipeline. A syntax node is immutable and an unedited file keeps its nodes from one
/// compilation to the next, so the answer is reused as long as what the method refers to outside itself still means
/// the same (<see cref="BodyDependencies"/>); a method whose file was edited is read again, and only that one.
/// </summary>
/// <remarks>
/// The table is weak on the syntax node: an entry goes away with the tree that holds it. Nothing in it reaches the
/// pipeline's values except the model, which holds no Roslyn object.
/// </remarks>
internal static class BodyCache
{
    private static readonly ConditionalWeakTable<MethodDeclarationSyntax, CircuitMethodInfo> Entries = new();

    /// <summary>What <paramref name="method"/> is: whether it carries [Circuit] and, if it does, its lowered body or why it cannot be read.</summary>
    public static CircuitMethodInfo Get(MethodDeclarationSyntax method, SemanticModel model, GeneratorCounters? counters,
        CancellationToken cancellationToken)
    {
        if (Entries.TryGetValue(method, out var entry) && entry.Dependencies.StillHold(method, model, cancellationToken))
        {
            return entry;
        }

        entry = Read(method, model, counters, cancellationToken);
        lock (Entries)
        {
            Entries.Remove(method);
            Entries.Add(method, entry);
        }

        return entry;
    }

    private static CircuitMethodInfo Read(MethodDeclarationSyntax method, SemanticModel model, GeneratorCounters? counters, CancellationToken ct)
    {
        bool isCircuit = model.GetDeclaredSymbol(method, ct) is { } symbol
                         && symbol.GetAttributes().Any(a => NegLRGenerator.Parser.IsNegLRAttribute(a.AttributeClass, "CircuitAttribute"));
        BodyModel? lowered = null;
        string? failure = null;
        if (isCircuit)
        {
            if (method.Body is null && method.ExpressionBody is null)
            {
                failure = "its [Circuit] method has no body to read.";
            }
            else
            {
                counters?.CountLowering();
                (lowered, failure) = CircuitBodyReader.Lower(method, model, ct);
            }
        }

        return new CircuitMethodInfo(isCircuit, lowered, failure, BodyDependencies.Collect(method, model, ct));
    }
}

/// <summary>One attributed method as <see cref="BodyCache"/> read it.</summary>
internal sealed class CircuitMethodInfo
{
    public CircuitMethodInfo(bool isCircuit, BodyModel? model, string? failure, BodyDependencies dependencies)
    {
        IsCircuit = isCircuit;
        Model = model;
        Failure = failure;
        Dependencies = dependencies;
    }

    /// <summary>The method carries NegLR's [Circuit].</summary>
    public bool IsCircuit { get; }

    /// <summary>The lowered body, when it is a [Circuit] method whose body can be read.</summary>
    public BodyModel? Model { get; }

    /// <summary>Why the [Circuit] body cannot be read, or null.</summary>
    public string? Failure { get; }

    public BodyDependencies Dependencies { get; }
}

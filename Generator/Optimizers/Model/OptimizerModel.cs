using NegLR.Generator.Model;

namespace NegLR.Generator.Optimizers.Model;

/// <summary>
/// One optimizer declaration as the pipeline carries it: where the type lives and either its validated settings or why it
/// cannot be compiled. Value-equal, with no symbols, syntax or locations, so unrelated edits leave the output cached.
/// </summary>
/// <param name="Hierarchy">The type and its containing types (names carry their type parameter lists).</param>
/// <param name="HintName">The generated file's name, <c>{Namespace}.{Type}.Optimizer.g.cs</c>.</param>
/// <param name="Shape">What kind of type to reopen.</param>
/// <param name="Settings">The validated settings, or null when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why the declaration cannot be compiled (the stub's message), or null.</param>
/// <param name="SharesTypeWithAnsatz">
/// Whether the type is also an [Ansatz], whose generated part already puts [GeneratedCode] on the type and declares
/// <c>StepCount</c>.
/// </param>
internal sealed record OptimizerModel(
    HierarchyInfo Hierarchy,
    string HintName,
    OptimizerTypeShape Shape,
    OptimizerSettings? Settings,
    string? Failure,
    bool SharesTypeWithAnsatz)
{
    /// <summary>The type's name as users write it, e.g. <c>Outer.IrisOptimizer</c>.</summary>
    public string DisplayName => Hierarchy.DisplayName;
}

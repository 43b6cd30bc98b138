using Microsoft.CodeAnalysis;

namespace NegLR.Generator;

/// <summary>
/// Compiles each <c>[Ansatz]</c> declaration into straight-line simulation and gradient code. Pipeline:
/// ForAttributeWithMetadataName → <see cref="Model.AnsatzSpec"/> (value-equal, no Roslyn objects) → source text.
/// It never reports diagnostics (the analyzers do) and never throws into the compiler: a declaration it cannot
/// compile gets a stub whose members throw a clear exception at run time.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class NegLRGenerator : IIncrementalGenerator
{
    internal const string AnsatzAttributeName = "NegLR.AnsatzAttribute";
    internal const string CircuitAttributeName = "NegLR.CircuitAttribute";
    internal const string ObservableAttributeName = "NegLR.ObservableAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var ansatze = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AnsatzAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.AnsatzSpecs);

        context.RegisterSourceOutput(ansatze, static (spc, spec) =>
            spc.AddSource(spec.Hierarchy.HintName + ".Ansatz.g.cs", Emitter.Emit(spec, spc.CancellationToken)));

        InitializeOptimizers(context);
    }
}

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

    /// <summary>
    /// How simulation code is laid out. The compiler always uses the defaults; the ablation benchmarks
    /// (benchmarks/NegLR.Benchmarks/Ablation) run the generator with other settings to show what each choice buys.
    /// </summary>
    internal Emit.TileOptions Tiles { get; set; } = new();

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var ansatze = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AnsatzAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.AnsatzSpecs);

        var tiles = Tiles;
        context.RegisterSourceOutput(ansatze, (spc, spec) =>
            spc.AddSource(spec.Hierarchy.HintName + ".Ansatz.g.cs", EmitAnsatz(spec, tiles, spc.CancellationToken)));

        InitializeOptimizers(context);
    }

    /// <summary>The ansatz's source; should the emitter ever fail, the stub says so instead of the compiler failing.</summary>
    private static string EmitAnsatz(Model.AnsatzSpec spec, Emit.TileOptions tiles, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return Emitter.Emit(spec, tiles, cancellationToken);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            return Emitter.Emit(spec with { Failure = "internal error while writing the ansatz (" + ex.GetType().Name + ")." }, tiles, cancellationToken);
        }
    }
}

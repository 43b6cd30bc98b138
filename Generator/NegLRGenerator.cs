using Microsoft.CodeAnalysis;
using NegLR.Generator.Pipeline;

namespace NegLR.Generator;

/// <summary>
/// Compiles each <c>[Ansatz]</c> declaration into simulation and gradient code. The pipeline, by what it costs:
/// <code>
/// every compilation (each keystroke)   ForAttributeWithMetadataName → Parser.Parse → AnsatzDeclaration    [AnsatzDeclarations]
///   attributes, a few name look-ups; the [Circuit] body lowered once per edit of its file (BodyCache)
/// when a declaration changed           Builder.Build: run the body, light cones → AnsatzSpec             [AnsatzSpecs]
/// when a spec changed                  Emitter.Emit: tile plan, tables, source text → Name.Ansatz.g.cs
/// </code>
/// Every value between steps is value-equal and holds no Roslyn object, so an edit that does not change a circuit
/// stops at the first step. It never reports diagnostics (the analyzers do) and never throws into the compiler: a
/// declaration it cannot compile gets a stub whose members throw a clear exception at run time, and one no code could
/// compile for (generic, ref struct, static, a member clash, an old LangVersion) gets nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class NegLRGenerator : IIncrementalGenerator
{
    internal const string AnsatzAttributeName = "NegLR.AnsatzAttribute";

    /// <summary>
    /// How simulation code is laid out. The compiler always uses the defaults; the ablation benchmarks
    /// (benchmarks/NegLR.Benchmarks/Ablation) run the generator with other settings to show what each choice buys.
    /// </summary>
    internal Emit.TileOptions Tiles { get; set; } = new();

    /// <summary>How often each expensive stage ran (for tests: a stage that must not run on an unrelated edit).</summary>
    internal GeneratorCounters Counters { get; } = new();

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var counters = Counters;
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AnsatzAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                (ctx, ct) => Parser.Parse(ctx, counters, ct))
            .Where(static declaration => declaration is not null)
            .Select(static (declaration, _) => declaration!)
            .WithTrackingName(TrackingNames.AnsatzDeclarations);

        var specs = declarations
            .Select((declaration, ct) => Builder.Build(declaration, counters, ct))
            .WithTrackingName(TrackingNames.AnsatzSpecs);

        // Noise: device profiles are read in their own step (keyed by path and content) and combined here, so a profile
        // edit re-emits only the ansätze that name it; an ideal spec passes through unchanged.
        var noisy = specs
            .Combine(global::NegLR.Generator.Noise.ProfileInputs.Create(context))
            .Select(static (pair, ct) => global::NegLR.Generator.Noise.NoiseStep.Apply(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.AnsatzNoise);

        var tiles = Tiles;
        context.RegisterSourceOutput(noisy, (spc, spec) =>
        {
            if (spec.Omitted is null)
            {
                counters.CountEmit();
                spc.AddSource(spec.Hierarchy.HintName + ".Ansatz.g.cs", EmitAnsatz(spec, tiles, spc.CancellationToken));
            }
        });

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

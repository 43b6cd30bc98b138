using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Optimizers;

namespace NegLR.Generator;

public sealed partial class NegLRGenerator
{
    /// <summary>
    /// Optimizer declarations: one ForAttributeWithMetadataName provider per optimizer attribute ([Adam], [Sgd], …,
    /// [NegativeLearningRate], the schedules), so a declaration missing its base optimizer still gets a stub that says
    /// so. A type with several attributes yields a model only from its owning attribute, hence one file per type:
    /// <c>{Namespace}.{Type}.Optimizer.g.cs</c>.
    /// </summary>
    private static void InitializeOptimizers(IncrementalGeneratorInitializationContext context)
    {
        foreach (string attribute in OptimizerAttributes.All)
        {
            var models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    OptimizerAttributes.MetadataName(attribute),
                    static (node, _) => node is TypeDeclarationSyntax and not InterfaceDeclarationSyntax,
                    static (ctx, ct) => OptimizerParser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.OptimizerDeclarations)
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.OptimizerModels);

            context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(model.HintName, EmitOptimizer(model, spc.CancellationToken)));
        }
    }

    /// <summary>The optimizer's source; should the emitter ever fail, the stub says so instead of the compiler failing.</summary>
    private static string EmitOptimizer(Optimizers.Model.OptimizerModel model, CancellationToken cancellationToken)
    {
        try
        {
            return OptimizerEmitter.Emit(model, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return OptimizerEmitter.Emit(model with { Settings = null, Failure = "internal error while writing the optimizer (" + ex.GetType().Name + ")." },
                cancellationToken);
        }
    }
}

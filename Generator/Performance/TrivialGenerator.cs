using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NegLR.Generator.Performance;

/// <summary>
/// The floor a generator on NegLR's attributes cannot go below: one <c>ForAttributeWithMetadataName</c> provider per
/// attribute NegLR's generator watches, a transform that reads only the type's name, and a one-line file per type.
/// What NegLR's generator costs per keystroke is compared with this, measured in the same run.
/// </summary>
#pragma warning disable RS1036 // The harness's generator ships nowhere.
[Generator(LanguageNames.CSharp)]
internal sealed class TrivialGenerator : IIncrementalGenerator
#pragma warning restore RS1036
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        Register(context, NegLRGenerator.AnsatzAttributeName, "Ansatz");
        foreach (string attribute in Optimizers.OptimizerAttributes.All)
        {
            Register(context, Optimizers.OptimizerAttributes.MetadataName(attribute), attribute);
        }
    }

    private static void Register(IncrementalGeneratorInitializationContext context, string metadataName, string suffix)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            metadataName,
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.ToDisplayString());
        context.RegisterSourceOutput(names, (spc, name) =>
            spc.AddSource(name + "." + suffix + ".trivial.g.cs", "// " + name + "\n"));
    }
}

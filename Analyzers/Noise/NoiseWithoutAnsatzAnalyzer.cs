using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Noise;

/// <summary>
/// NLR0613 on a type that carries noise attributes but no <c>[Ansatz]</c>: nothing reads them. A flat symbol action per
/// named type (the attribute list of a type is already bound when its declaration is), which looks at attributes only.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoiseWithoutAnsatzAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NoiseWithoutCircuit);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Create(start.Compilation) is not { } known)
            {
                return;
            }

            var links = HelpLinks.For(start.Options);
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                var attributes = type.GetAttributes();
                if (attributes.IsEmpty || known.AnsatzOf(type) is not null)
                {
                    return;
                }

                var sink = new DiagnosticSink(symbolContext.ReportDiagnostic, links);
                foreach (var attribute in attributes)
                {
                    if (NoiseDeclarationReader.IsNoiseAttribute(attribute)
                        && attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken) is AttributeSyntax syntax)
                    {
                        sink.Report(DiagnosticDescriptors.NoiseWithoutCircuit, syntax.GetLocation(),
                            $"'{type.Name}' has no [Ansatz] attribute, so [{syntax.Name}] applies to nothing; add [Ansatz(Qubits = n, …)] to the type or remove the noise attributes");
                    }
                }
            }, SymbolKind.NamedType);
        });
    }
}

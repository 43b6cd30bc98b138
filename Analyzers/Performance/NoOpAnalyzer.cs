using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NegLR.Analyzers.Performance;

/// <summary>The NegLR analyzers' plumbing with no rules: what merely running an analyzer this way costs.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("NOOP0001", "never", "never", "none", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterSymbolStartAction(symbol =>
        {
            symbol.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.MethodDeclaration);
            symbol.RegisterSymbolEndAction(_ => { });
        }, SymbolKind.NamedType));
    }
}

/// <summary>
/// Stands for the operation-based analyzers every SDK build runs (CA1416 and the other .NET analyzers on by default):
/// it asks for the operation tree of every method body and does nothing with it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationNoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("NOOP0002", "never", "never", "none", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(_ => { }, Microsoft.CodeAnalysis.OperationKind.Invocation);
    }
}

/// <summary>
/// A no-op analyzer registered flat: a symbol action per type and a syntax action per method, no SymbolStart/End, so
/// the driver reports it for a file without finishing the other partial parts of its types first.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FlatNoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("NOOP0003", "never", "never", "none", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.MethodDeclaration);
        });
    }
}

/// <summary>A no-op analyzer registered as the NegLR families are: one semantic-model action per file.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SemanticModelNoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("NOOP0004", "never", "never", "none", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterSemanticModelAction(_ => { }));
    }
}

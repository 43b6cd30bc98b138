using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// The plumbing every NegLR rule family shares: find [Ansatz] types, pick up the [Circuit] method with the semantic
/// model its callback brings (no second model is made), read the declaration once per compilation, and run the
/// family's rules at the end of the type — never throwing into the compiler and honouring cancellation.
/// </summary>
public abstract class AnsatzAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        // Diagnostics point at what the user wrote; generated code (the generator's own partial part) is never analysed.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Create(start.Compilation) is not { } known)
            {
                return;
            }

            start.RegisterSymbolStartAction(symbolStart =>
            {
                var type = (INamedTypeSymbol)symbolStart.Symbol;
                if (known.AnsatzOf(type) is not { } ansatz)
                {
                    return;
                }

                CircuitMethodSyntax? circuitMethod = null;
                symbolStart.RegisterSyntaxNodeAction(node =>
                {
                    var syntax = (MethodDeclarationSyntax)node.Node;
                    if (syntax.AttributeLists.Count > 0
                        && node.SemanticModel.GetDeclaredSymbol(syntax, node.CancellationToken) is { } method
                        && known.IsCircuitMethod(method))
                    {
                        System.Threading.Interlocked.CompareExchange(ref circuitMethod, new CircuitMethodSyntax(method, syntax, node.SemanticModel), null);
                    }
                }, SyntaxKind.MethodDeclaration);

                symbolStart.RegisterSymbolEndAction(end =>
                {
                    try
                    {
                        var declaration = AnsatzReader.Get(end.Compilation, known, type, ansatz, circuitMethod, end.CancellationToken);
                        if (declaration.Failure is { } failure)
                        {
                            if (ReportsReaderFailure)
                            {
                                end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AnalyzerFailure, declaration.TypeLocation, type.Name, failure));
                            }

                            return;
                        }

                        var settings = AnalyzerSettings.For(end.Options, declaration.Attribute?.SyntaxTree ?? declaration.TypeLocation.SourceTree);
                        Analyze(declaration, settings, end.ReportDiagnostic, end.CancellationToken);
                    }
                    catch (OperationCanceledException) when (end.CancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception exception)
                    {
                        // A bug in a rule must not fail the build: it becomes one warning that names it.
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AnalyzerFailure,
                            type.Locations.Length > 0 ? type.Locations[0] : Location.None, type.Name,
                            GetType().Name + " — " + exception.GetType().Name + ": " + exception.Message));
                    }
                });
            }, SymbolKind.NamedType);
        });
    }

    /// <summary>Whether this family reports a failed read (only the declarations family does, so it is reported once).</summary>
    private protected virtual bool ReportsReaderFailure => false;

    /// <summary>Runs the family's rules on one ansatz.</summary>
    private protected abstract void Analyze(AnsatzDeclaration ansatz, AnalyzerSettings settings, Action<Diagnostic> report,
        System.Threading.CancellationToken cancellationToken);

    /// <summary>The family's descriptors plus the failure warning every family may report.</summary>
    private protected static ImmutableArray<DiagnosticDescriptor> With(params DiagnosticDescriptor[] descriptors) =>
        ImmutableArray.Create(descriptors).Add(DiagnosticDescriptors.AnalyzerFailure);
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// The plumbing every NegLR rule family shares. Registration is flat: one semantic-model action per file, which finds
/// the <c>[Ansatz]</c> types declared in it and runs the family's rules on each — on the declaration (and a template's
/// circuit), reporting what lies in this file, and on the [Circuit] body the generator compiles when that body is in
/// this file, read with this file's semantic model (the one the compiler and the IDE already bound). No
/// SymbolStart/End: the driver reports for an open file without first finishing every other partial part of the type —
/// the generator's large one above all — and every diagnostic is local to the file that reports it, so the IDE can
/// analyse one document on its own. Reads are shared across families through <see cref="AnsatzReader"/>; nothing
/// throws into the compiler, and cancellation is honoured.
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

            var links = HelpLinks.For(start.Options);
            start.RegisterSemanticModelAction(model => OnFile(model, known, links));
        });
    }

    private void OnFile(SemanticModelAnalysisContext context, KnownSymbols known, HelpLinks links)
    {
        var model = context.SemanticModel;
        var tree = model.SyntaxTree;
        var sink = new DiagnosticSink(context.ReportDiagnostic, links);
        foreach (var type in AnsatzTypes(model, known, context.CancellationToken))
        {
            Run(type, sink.OnlyIn(tree), context.CancellationToken, () =>
            {
                var compilation = model.Compilation;
                var declaration = AnsatzReader.Get(compilation, known, type, known.AnsatzOf(type)!, context.CancellationToken);
                if (declaration.Failure is { } failure)
                {
                    if (ReportsReaderFailure)
                    {
                        sink.OnlyIn(tree).Report(DiagnosticDescriptors.AnalyzerFailure, declaration.TypeLocation, type.Name, failure);
                    }

                    return;
                }

                var settings = Settings(context.Options, declaration);
                AnalyzeType(declaration, settings, sink.OnlyIn(tree), context.CancellationToken);

                // The body the generator compiles, read once where it is written. Its diagnostics (at gate calls, and at
                // the observable or the qubit count when those are about the circuit) are all reported from here.
                if (declaration.CompiledCircuitMethod is { } method && BodySyntax(method, tree, context.CancellationToken) is { } syntax)
                {
                    var withBody = AnsatzReader.GetWithBody(compilation, declaration, new CircuitMethodSyntax(method, syntax, model), context.CancellationToken);
                    if (withBody.Failure is { } bodyFailure)
                    {
                        if (ReportsReaderFailure)
                        {
                            sink.Report(DiagnosticDescriptors.AnalyzerFailure, syntax.Identifier.GetLocation(), type.Name, bodyFailure);
                        }

                        return;
                    }

                    AnalyzeBody(withBody, settings, sink, context.CancellationToken);
                }
            });
        }
    }

    /// <summary>
    /// The [Ansatz] types with a declaration in <paramref name="model"/>'s file, each once, in source order: a walk over
    /// the file's namespaces and types only (member bodies are never entered), asking for a type's symbol only when
    /// one of its parts has attributes.
    /// </summary>
    private static List<INamedTypeSymbol> AnsatzTypes(SemanticModel model, KnownSymbols known, CancellationToken cancellationToken)
    {
        var found = new List<INamedTypeSymbol>();
        var pending = new Stack<SyntaxNode>();
        pending.Push(model.SyntaxTree.GetRoot(cancellationToken));
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var members = node switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax ns => ns.Members,
                TypeDeclarationSyntax t => t.Members,
                _ => default,
            };

            if (node is TypeDeclarationSyntax declaration
                && model.GetDeclaredSymbol(declaration, cancellationToken) is { } type
                && HasAttributes(type)
                && known.AnsatzOf(type) is not null
                && !found.Contains(type, SymbolEqualityComparer.Default))
            {
                found.Add(type);
            }

            for (int i = members.Count - 1; i >= 0; i--)
            {
                if (members[i] is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                {
                    pending.Push(members[i]);
                }
            }
        }

        return found;
    }

    /// <summary>Whether any part of the type is written with attributes (so the attribute binding is worth asking for).</summary>
    private static bool HasAttributes(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax { AttributeLists.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The declaration of <paramref name="method"/> with a body, when it is in <paramref name="tree"/>.</summary>
    private static MethodDeclarationSyntax? BodySyntax(IMethodSymbol method, SyntaxTree tree, CancellationToken cancellationToken)
    {
        MethodDeclarationSyntax? first = null;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax)
            {
                if (syntax.Body is not null || syntax.ExpressionBody is not null)
                {
                    return syntax;
                }

                first ??= syntax;
            }
        }

        // A partial method's bodiless part, when its implementation is elsewhere, is read where the body is; one without
        // any body is read here (the reader reports the missing body).
        return first is not null && method.PartialImplementationPart is null ? first : null;
    }

    /// <summary>Runs <paramref name="analyze"/>; a bug in a rule becomes one warning that names it, never a compiler failure.</summary>
    private void Run(INamedTypeSymbol type, DiagnosticSink sink, CancellationToken cancellationToken, Action analyze)
    {
        try
        {
            analyze();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            sink.Report(DiagnosticDescriptors.AnalyzerFailure, type.Locations.Length > 0 ? type.Locations[0] : Location.None, type.Name,
                GetType().Name + " — " + exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static AnalyzerSettings Settings(AnalyzerOptions options, AnsatzDeclaration declaration) =>
        AnalyzerSettings.For(options, declaration.Attribute?.SyntaxTree ?? declaration.TypeLocation.SourceTree);

    /// <summary>Whether this family reports a failed read (only the declarations family does, so it is reported once).</summary>
    private protected virtual bool ReportsReaderFailure => false;

    /// <summary>
    /// Runs the family's rules on an ansatz read from its type: the declaration, and for a template its circuit. Called
    /// once per file that declares a part of the type, with a sink that keeps what lies in that file.
    /// </summary>
    private protected virtual void AnalyzeType(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
    }

    /// <summary>
    /// Runs the family's rules on the [Circuit] body the generator compiles (<see cref="AnsatzDeclaration.Body"/> set).
    /// Called once, from the file that holds the body.
    /// </summary>
    private protected virtual void AnalyzeBody(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
    }

    /// <summary>The family's descriptors plus the failure warning every family may report.</summary>
    private protected static ImmutableArray<DiagnosticDescriptor> With(params DiagnosticDescriptor[] descriptors) =>
        ImmutableArray.Create(descriptors).Add(DiagnosticDescriptors.AnalyzerFailure);
}

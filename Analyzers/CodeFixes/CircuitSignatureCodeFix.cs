using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using NegLR.Analyzers;

namespace NegLR.CodeFixes;

/// <summary>
/// NLR0005: rewrites a [Circuit] method's signature to <c>static void Name(Circuit c)</c> — adds <c>static</c>, drops
/// <c>async</c> and type parameters, returns void, and keeps the Circuit parameter (or adds one named <c>c</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CircuitSignatureCodeFix)), Shared]
public sealed class CircuitSignatureCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidCircuitSignatureId);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        // A body that returns values cannot simply become void; leave that one to the user.
        if (method.Body is { } body && body.DescendantNodes().OfType<ReturnStatementSyntax>().Any(r => r.Expression is not null))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Make it 'static void Build(Circuit c)'", ct => Fix(context.Document, method, ct), nameof(CircuitSignatureCodeFix)),
            context.Diagnostics);
    }

    private static async Task<Document> Fix(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var circuitType = model?.Compilation.GetTypeByMetadataName("NegLR.Circuit");

        // Keep the Circuit parameter the user wrote (without ref/params), else add 'Circuit c'.
        var keep = method.ParameterList.Parameters.FirstOrDefault(p =>
            p.Type is { } type && circuitType is not null
            && SymbolEqualityComparer.Default.Equals(model!.GetTypeInfo(type, cancellationToken).Type, circuitType));
        var parameter = keep is not null
            ? keep.WithModifiers(default).WithDefault(null)
            : SyntaxFactory.Parameter(SyntaxFactory.Identifier("c"))
                .WithType(SyntaxFactory.ParseTypeName("global::NegLR.Circuit").WithAdditionalAnnotations(Simplifier.Annotation).WithTrailingTrivia(SyntaxFactory.Space));

        var modifiers = SyntaxFactory.TokenList(method.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword) && !m.IsKind(SyntaxKind.ExternKeyword)));
        if (!modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword)))
        {
            var @static = SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            modifiers = modifiers.Count == 0 ? SyntaxFactory.TokenList(@static) : modifiers.Add(@static);
        }

        // The indentation before the first modifier (or the return type) stays where the declaration starts.
        var indent = method.Modifiers.Count > 0 ? method.Modifiers[0].LeadingTrivia : method.ReturnType.GetLeadingTrivia();
        modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(indent));

        var updated = method
            .WithModifiers(modifiers)
            .WithReturnType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTypeParameterList(null)
            .WithConstraintClauses(default)
            .WithParameterList(method.ParameterList.WithParameters(SyntaxFactory.SingletonSeparatedList(parameter)));

        if (updated.Body is null && updated.ExpressionBody is null)
        {
            // 'extern' or abstract-looking: give it an empty body to fill in.
            updated = updated.WithSemicolonToken(default).WithBody(SyntaxFactory.Block());
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(method, updated));
    }
}

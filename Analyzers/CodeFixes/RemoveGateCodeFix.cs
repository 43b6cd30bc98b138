using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Analyzers;
using NegLR.Analyzers.Facts;

namespace NegLR.CodeFixes;

/// <summary>
/// NLR0204 and NLR0206: removes a gate call whose every gate is dead (its weights can never change the cost) or does
/// nothing where it stands. Offered only when the analyzer says every gate the call records is affected, so a call
/// in a loop that is dead on some iterations only is left alone.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveGateCodeFix)), Shared]
public sealed class RemoveGateCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DeadWeightId, DiagnosticDescriptors.IneffectiveGateId);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(QuantumFactsAnalyzer.AllGatesProperty, out var all) || all != "true"
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
            {
                continue;
            }

            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation?.Expression is not MemberAccessExpressionSyntax member || invocation.Span.End != diagnostic.Location.SourceSpan.End)
            {
                continue;
            }

            string title = diagnostic.Id == DiagnosticDescriptors.DeadWeightId
                ? $"Remove the gate '{member.Name.Identifier.ValueText}' (its weight can never change the cost)"
                : $"Remove the gate '{member.Name.Identifier.ValueText}' (it does nothing here)";
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(Remove(context.Document, root, invocation, member)), nameof(RemoveGateCodeFix)),
                diagnostic);
        }
    }

    private static Document Remove(Document document, SyntaxNode root, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member)
    {
        // In a chain c.H(0).RY(1, w).CNOT(0, 1) the call's receiver takes its place; a statement that is then only 'c;' goes.
        if (invocation.Parent is ExpressionStatementSyntax statement && member.Expression is IdentifierNameSyntax)
        {
            if (statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            {
                return document.WithSyntaxRoot(root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia)!);
            }

            // An embedded statement (the body of a for without braces) becomes an empty block.
            return document.WithSyntaxRoot(root.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement)));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(invocation, member.Expression.WithTriviaFrom(invocation)));
    }
}

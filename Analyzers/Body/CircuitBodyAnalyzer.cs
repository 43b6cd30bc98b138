using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Body;

/// <summary>
/// NLR01xx: what the one reader of [Circuit] bodies could not run — each construct outside the subset (named), values
/// and loop bounds not known at compile time, calls that are not gates, unrolling over the budget, and arguments that
/// would throw — each at the construct, argument or loop header at fault.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CircuitBodyAnalyzer : AnsatzAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = With(
        DiagnosticDescriptors.UnsupportedConstruct,
        DiagnosticDescriptors.NonConstantValue,
        DiagnosticDescriptors.NonConstantLoopBound,
        DiagnosticDescriptors.NotAGate,
        DiagnosticDescriptors.UnrollBudgetExceeded,
        DiagnosticDescriptors.InvalidGateArgument);

    /// <inheritdoc/>
    private protected override void AnalyzeBody(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var body = ansatz.Body!;
        foreach (var problem in body.Problems)
        {
            // Signatures are a declaration problem (NLR0005); circuit facts have their own IDs (NLR02xx); a body that does not
            // compile is the compiler's to report. With the qubit count out of range (NLR0002) the body ran on a stand-in
            // register, so only its constructs count.
            if (problem.Detail != BodyProblemDetail.None
                || (!ansatz.QubitsInRange && problem.Kind is BodyProblemKind.InvalidGateArgument or BodyProblemKind.BudgetExceeded))
            {
                continue;
            }

            var descriptor = problem.Kind switch
            {
                BodyProblemKind.UnsupportedConstruct => DiagnosticDescriptors.UnsupportedConstruct,
                BodyProblemKind.NonConstantValue => DiagnosticDescriptors.NonConstantValue,
                BodyProblemKind.NonConstantLoopBound => DiagnosticDescriptors.NonConstantLoopBound,
                BodyProblemKind.UnknownCall => DiagnosticDescriptors.NotAGate,
                BodyProblemKind.BudgetExceeded => DiagnosticDescriptors.UnrollBudgetExceeded,
                BodyProblemKind.InvalidGateArgument => DiagnosticDescriptors.InvalidGateArgument,
                _ => null,
            };

            if (descriptor is not null)
            {
                sink.Report(descriptor, problem.Location, problem.Message);
            }
        }
    }
}

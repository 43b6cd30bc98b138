using Microsoft.CodeAnalysis;

namespace NegLR.Analyzers;

/// <summary>
/// Every NegLR diagnostic, in one place. IDs are <c>NLR</c> + four digits, one range per category:
/// NLR00xx declarations, NLR01xx circuit bodies, NLR02xx quantum facts, NLR03xx trainability, NLR04xx resources,
/// NLR05xx optimizer declarations, NLR06xx noise declarations. Each has a help page <c>docs/diagnostics/NLRxxxx.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// Where the help pages are published by default; <c>{id}.md</c> is appended. A build overrides it with the MSBuild
    /// property <c>NegLRHelpLinkBase</c> (see <see cref="Infrastructure.HelpLinks"/>), so a fork or a mirror sets its own.
    /// </summary>
    public const string HelpLinkBase = "https://github.com/NegLR/NegLR/blob/main/docs/diagnostics/";

    public const string DeclarationsCategory = "NegLR.Declarations";
    public const string CircuitBodyCategory = "NegLR.CircuitBody";
    public const string QuantumFactsCategory = "NegLR.QuantumFacts";
    public const string TrainabilityCategory = "NegLR.Trainability";
    public const string ResourcesCategory = "NegLR.Resources";
    public const string OptimizersCategory = "NegLR.Optimizers";
    public const string NoiseCategory = "NegLR.Noise";

    // NLR00xx — declarations
    public const string NotPartialId = "NLR0001";
    public const string QubitCountOutOfRangeId = "NLR0002";
    public const string MissingCircuitId = "NLR0003";
    public const string SeveralCircuitsId = "NLR0004";
    public const string InvalidCircuitSignatureId = "NLR0005";
    public const string ObservableDoesNotParseId = "NLR0006";
    public const string ObservableQubitOutOfRangeId = "NLR0007";
    public const string MissingObservableId = "NLR0008";
    public const string TemplateAndCircuitId = "NLR0009";
    public const string TemplateLayersOutOfRangeId = "NLR0010";
    public const string AnalyzerFailureId = "NLR0099";

    // NLR01xx — circuit bodies
    public const string UnsupportedConstructId = "NLR0101";
    public const string NonConstantValueId = "NLR0102";
    public const string NonConstantLoopBoundId = "NLR0103";
    public const string NotAGateId = "NLR0104";
    public const string UnrollBudgetExceededId = "NLR0105";
    public const string InvalidGateArgumentId = "NLR0106";

    // NLR02xx — quantum facts
    public const string QubitOutOfRangeId = "NLR0201";
    public const string RepeatedQubitId = "NLR0202";
    public const string NegativeIndexId = "NLR0203";
    public const string DeadWeightId = "NLR0204";
    public const string UnusedQubitId = "NLR0205";
    public const string IneffectiveGateId = "NLR0206";

    // NLR03xx — trainability
    public const string GlobalCostId = "NLR0301";
    public const string DeepLocalCostId = "NLR0302";
    public const string TwoDesignDepthId = "NLR0303";

    // NLR04xx — resources
    public const string StateVectorMemoryId = "NLR0401";

    // NLR05xx — optimizer declarations ([Adam], [NegativeLearningRate], the schedules): one ID per ScheduleProblemKind
    public const string OptimizerNotPartialId = "NLR0501";
    public const string OptimizerTypeUnsupportedId = "NLR0502";
    public const string ConflictingOptimizerAttributesId = "NLR0503";
    public const string MissingBaseOptimizerId = "NLR0504";
    public const string InvalidLearningRateId = "NLR0505";
    public const string NegativePhaseTooLongId = "NLR0506";
    public const string UnboundedAscentId = "NLR0507";
    public const string WarmupTooLongId = "NLR0508";
    public const string InvalidStepCountId = "NLR0509";
    public const string PeriodicPhaseCutId = "NLR0510";
    public const string OptimizerValueOutOfRangeId = "NLR0511";
    public const string InapplicableOptimizerArgumentId = "NLR0512";
    public const string InvalidInitializationId = "NLR0513";
    public const string ConflictingStepRulesId = "NLR0514";

    /// <summary>Format: <c>"The type '{0}' must be declared partial{1}, so the generator can add the ansatz members"</c>.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Error(NotPartialId, DeclarationsCategory,
        "An [Ansatz] type must be partial",
        "The type '{0}' must be declared partial{1}, so the generator can add the ansatz members",
        "The source generator adds the simulation and gradient members to the [Ansatz] type in another part of it, which needs the type and every type containing it to be partial.");

    /// <summary>Format: <c>"{0}"</c> (the problem and the allowed range).</summary>
    public static readonly DiagnosticDescriptor QubitCountOutOfRange = Error(QubitCountOutOfRangeId, DeclarationsCategory,
        "Qubit count out of range",
        "{0}",
        "[Ansatz(Qubits = n)] needs n from 1 to 30: a state vector of 2^n amplitudes is what the generated code simulates.");

    /// <summary>Format: <c>"'{0}' has no [Circuit] method and no Template; add a [Circuit] static void Build(Circuit c) or name a Template"</c>.</summary>
    public static readonly DiagnosticDescriptor MissingCircuit = Error(MissingCircuitId, DeclarationsCategory,
        "The ansatz has no circuit",
        "'{0}' has no [Circuit] method and no Template; add a [Circuit] static void Build(Circuit c) method or set Template = …",
        "An [Ansatz] type describes its circuit with exactly one [Circuit] method, or with a Template and Layers.");

    /// <summary>Format: <c>"'{0}' has {1} [Circuit] methods; keep one"</c>.</summary>
    public static readonly DiagnosticDescriptor SeveralCircuits = Error(SeveralCircuitsId, DeclarationsCategory,
        "More than one [Circuit] method",
        "'{0}' has {1} [Circuit] methods; an ansatz has exactly one, so keep one and remove [Circuit] from the others",
        "The generator compiles exactly one [Circuit] method per [Ansatz] type.");

    /// <summary>Format: <c>"{0}"</c> (the reader's message naming what is wrong).</summary>
    public static readonly DiagnosticDescriptor InvalidCircuitSignature = Error(InvalidCircuitSignatureId, DeclarationsCategory,
        "Wrong [Circuit] method signature",
        "{0}",
        "A [Circuit] method must be 'static void Name(Circuit c)' with a body: the generator runs it at compile time and the runtime calls it with a Circuit.");

    /// <summary>Format: <c>"The observable \"{0}\" does not parse: {1}"</c>.</summary>
    public static readonly DiagnosticDescriptor ObservableDoesNotParse = Error(ObservableDoesNotParseId, DeclarationsCategory,
        "Observable text does not parse",
        "The observable does not parse: {0}",
        "[Observable] takes sparse Pauli-sum text such as \"0.5 Z0 Z1 - 1.2 X2 + 0.3\": terms of an optional coefficient and Pauli letters X, Y, Z (or I) each followed by a qubit index.");

    /// <summary>Format: <c>"'{0}' acts on qubit {1}, but '{2}' has qubits 0 to {3}"</c>.</summary>
    public static readonly DiagnosticDescriptor ObservableQubitOutOfRange = Error(ObservableQubitOutOfRangeId, DeclarationsCategory,
        "Observable names a qubit the ansatz does not have",
        "'{0}' acts on qubit {1}, but '{2}' has qubits 0 to {3}",
        "Every Pauli letter of an observable must name a qubit of the ansatz.");

    /// <summary>Format: <c>"'{0}' declares no [Observable(\"…\")]; add the cost, e.g. [Observable(\"Z0\")]"</c>.</summary>
    public static readonly DiagnosticDescriptor MissingObservable = Error(MissingObservableId, DeclarationsCategory,
        "The ansatz has no observable",
        "'{0}' declares no [Observable(\"…\")]; add its cost, e.g. [Observable(\"Z0\")]",
        "The first [Observable] of an ansatz is its cost: Evaluate and EvaluateWithGradient need it.");

    /// <summary>Format: <c>"'{0}' names Template = {1} and also has the [Circuit] method '{2}'; keep one"</c>.</summary>
    public static readonly DiagnosticDescriptor TemplateAndCircuit = Error(TemplateAndCircuitId, DeclarationsCategory,
        "Template together with a [Circuit] method",
        "'{0}' names Template = {1} and also has the [Circuit] method '{2}'; keep one of them",
        "An ansatz is either a Template with Layers or a [Circuit] method, not both.");

    /// <summary>Format: <c>"{0}"</c> (the layer count, what is wrong with it, the most layers allowed).</summary>
    public static readonly DiagnosticDescriptor TemplateLayersOutOfRange = Error(TemplateLayersOutOfRangeId, DeclarationsCategory,
        "Template layer count out of range",
        "{0}",
        "With a Template, Layers is the number of template layers: at least 1, and no more than fit the 20,000 gates the generator unrolls (the count is checked before the template is expanded).");

    /// <summary>Format: <c>"The NegLR analyzers failed on '{0}' ({1}); please report this as a NegLR bug"</c>.</summary>
    public static readonly DiagnosticDescriptor AnalyzerFailure = new(AnalyzerFailureId,
        "NegLR analyzer failure",
        "The NegLR analyzers failed on '{0}' ({1}); please report this as a NegLR bug",
        DeclarationsCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "An analyzer threw instead of reporting; its exception is converted into this warning so the build goes on.",
        helpLinkUri: HelpLinkBase + AnalyzerFailureId + ".md");

    /// <summary>Format: <c>"{0}"</c> (the construct, named, and the fix).</summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(UnsupportedConstructId, CircuitBodyCategory,
        "Construct outside the [Circuit] subset",
        "{0}",
        "A [Circuit] body runs at compile time, so it may only use a subset of C#: for loops with constant bounds, foreach over local arrays, if on known values, int/double/bool/Angle locals, const values, Math functions and calls on the Circuit parameter.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor NonConstantValue = Error(NonConstantValueId, CircuitBodyCategory,
        "Value not known at compile time",
        "{0}",
        "A [Circuit] body is run at compile time, so every value it uses must be known then: literals, const fields and locals, not fields, properties or parameters.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor NonConstantLoopBound = Error(NonConstantLoopBoundId, CircuitBodyCategory,
        "Loop bound not a compile-time constant",
        "{0}",
        "Loops in a [Circuit] body are unrolled at compile time, so their bounds must fold to constants.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor NotAGate = Error(NotAGateId, CircuitBodyCategory,
        "Call that is not a gate",
        "{0}",
        "A [Circuit] body may only call gate and template methods on its Circuit parameter and pure Math functions.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor UnrollBudgetExceeded = Error(UnrollBudgetExceededId, CircuitBodyCategory,
        "Circuit too large to unroll",
        "{0}",
        "The generator unrolls the circuit into straight-line code; a body that records more than 20,000 gates or takes more than 2,000,000 steps is too large.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidGateArgument = Error(InvalidGateArgumentId, CircuitBodyCategory,
        "The body would throw at run time",
        "{0}",
        "An argument the Circuit rejects (a non-finite angle, a bad Pauli word, a template argument out of range) or arithmetic that would throw, found while running the body at compile time.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor QubitOutOfRange = Error(QubitOutOfRangeId, QuantumFactsCategory,
        "Qubit index out of range",
        "{0}",
        "Every qubit a gate names must lie in 0 to n − 1 for an ansatz of n qubits.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor RepeatedQubit = Error(RepeatedQubitId, QuantumFactsCategory,
        "The same qubit twice in one gate",
        "{0}",
        "A multi-qubit gate acts on distinct qubits; naming one twice (CNOT(1, 1)) has no meaning.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor NegativeIndex = Error(NegativeIndexId, QuantumFactsCategory,
        "Negative weight or input index",
        "{0}",
        "Weights and inputs are numbered from 0: c.Weight(k) and c.Input(i) need k, i ≥ 0.");

    /// <summary>Format: <c>"{0}"</c> (which weights, why their gradient is identically zero).</summary>
    public static readonly DiagnosticDescriptor DeadWeight = Warning(DeadWeightId, QuantumFactsCategory,
        "Weight that can never change the cost",
        "{0}",
        "A weight whose gates lie outside the backward light cone of every observable term cannot change any expectation: its gradient is identically zero, so training never moves it and its gate only costs time.");

    /// <summary>Format: <c>"No gate touches {0}{1}"</c> (e.g. "qubits 2 and 3").</summary>
    public static readonly DiagnosticDescriptor UnusedQubit = Info(UnusedQubitId, QuantumFactsCategory,
        "Qubit no gate touches",
        "No gate touches {0}{1}",
        "A qubit that no gate acts on stays in |0⟩; it doubles the state vector for nothing.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor IneffectiveGate = Info(IneffectiveGateId, QuantumFactsCategory,
        "Gate that does nothing where it stands",
        "{0}",
        "A diagonal gate (RZ, Z, S, T, PhaseShift, CZ, CPhase, MultiRZ, …) acting only on qubits still in |0⟩ multiplies the state by a global phase, which no expectation can see.");

    /// <summary>Format: <c>"{0}"</c> (the term, its locality, the estimated variance).</summary>
    public static readonly DiagnosticDescriptor GlobalCost = Warning(GlobalCostId, TrainabilityCategory,
        "Global cost: gradients vanish exponentially",
        "{0}",
        "A cost whose terms act on many qubits at once has gradients that vanish exponentially in that number, however shallow the circuit (Cerezo et al. 2021, Nat. Commun. 12, 1791). Threshold: neglr.global_cost_min_qubits; variance threshold: neglr.min_gradient_variance.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor DeepLocalCost = Info(DeepLocalCostId, TrainabilityCategory,
        "Local cost with an entangling depth beyond log₂ n",
        "{0}",
        "A local cost stays trainable while its light cone is O(log n) entangling layers deep; beyond that its gradients shrink exponentially with the light cone (Cerezo et al. 2021, Nat. Commun. 12, 1791). Threshold: neglr.max_entangling_depth_factor; variance threshold: neglr.min_gradient_variance.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor TwoDesignDepth = Info(TwoDesignDepthId, TrainabilityCategory,
        "Circuit deep enough to approach a 2-design",
        "{0}",
        "A random circuit deep enough to form an approximate 2-design over the cost's light cone has gradient variance ≈ 2^−w on w qubits (McClean et al. 2018, Nat. Commun. 9, 4812). Threshold: neglr.two_design_depth_factor; variance threshold: neglr.min_gradient_variance.");

    /// <summary>Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor StateVectorMemory = Warning(StateVectorMemoryId, ResourcesCategory,
        "State vector beyond the memory threshold",
        "{0}",
        "A state vector of n qubits holds 2^n complex doubles (16 bytes each); the adjoint gradient needs two. Threshold: neglr.max_state_vector_mb.");

    // ---- Issue 12 (analyzers stream): declarations the generator skips, template dead weights. Kept in one block. ----

    public const string GenericAnsatzId = "NLR0011";
    public const string AnsatzTypeKindId = "NLR0012";
    public const string GeneratedMemberClashId = "NLR0013";
    public const string LanguageVersionTooLowId = "NLR0014";
    public const string TemplateDeadWeightId = "NLR0207";

    /// <summary>Format: <c>"{0}"</c> (the generic type, and the fix).</summary>
    public static readonly DiagnosticDescriptor GenericAnsatz = Error(GenericAnsatzId, DeclarationsCategory,
        "An [Ansatz] type cannot be generic",
        "{0}",
        "The generator compiles one circuit into one concrete type: an ansatz with type parameters (of its own or of a type containing it) has no single circuit to compile, so no code is generated for it.");

    /// <summary>Format: <c>"'{0}' is a {1}; {2}"</c> (the type, its kind, why that kind cannot be an ansatz).</summary>
    public static readonly DiagnosticDescriptor AnsatzTypeKind = Error(AnsatzTypeKindId, DeclarationsCategory,
        "[Ansatz] on a ref struct or a static class",
        "'{0}' is a {1}; {2}",
        "A generated ansatz implements IAnsatz and is used as a type argument (Trainer<T>, AnsatzBatch.Evaluate<T>): a static class cannot implement an interface or be a type argument, and a ref struct cannot be a type argument.");

    /// <summary>Format: <c>"'{0}' is {1}; rename this member"</c> (the member, what the generator uses the name for).</summary>
    public static readonly DiagnosticDescriptor GeneratedMemberClash = Error(GeneratedMemberClashId, DeclarationsCategory,
        "Member named like a generated one",
        "'{0}' is {1}; rename this member",
        "The generator adds members to every [Ansatz] type (Qubits, WeightCount, Evaluate, …, IAnsatz's members, Observable1… for extra observables and every name starting with '__'); a user member with one of these names would collide with them, so no code is generated for the type.");

    /// <summary>Format: <c>"{0}"</c> (the version in use, the version needed, the fix).</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(LanguageVersionTooLowId, DeclarationsCategory,
        "C# version older than the generated code needs",
        "{0}",
        "The generated code implements IAnsatz, whose members are static abstract, which needs C# 11 or later; with an older LangVersion no code is generated for the ansatz.");

    /// <summary>Format: <c>"{0}"</c> (which weights of the template, why their gradient is identically zero).</summary>
    public static readonly DiagnosticDescriptor TemplateDeadWeight = Info(TemplateDeadWeightId, QuantumFactsCategory,
        "Template weight that can never change the cost",
        "{0}",
        "A weight of a template ansatz whose gates lie outside the backward light cone of every observable term: its gradient is identically zero. The gates belong to the template, so the fix is a different cost or template, not an edit; the generated DeadWeights lists them.");

    // ---- end of the issue 12 block ----

    // ---- Issue 13 (noiserule stream): declared noise (NLR06xx) and the noise-induced barren plateau (NLR0304). ----

    public const string NoiseInducedPlateauId = "NLR0304";
    public const string NoiseProbabilityOutOfRangeId = "NLR0601";
    public const string RelaxationTimesInvalidId = "NLR0602";
    public const string TwoQubitNoiseAfterOneQubitGatesId = "NLR0603";
    public const string NoiseGatesNotFollowableId = "NLR0604";
    public const string NoiseQubitOutOfRangeId = "NLR0605";
    public const string ReadoutProbabilityOutOfRangeId = "NLR0606";
    public const string ReadoutQubitOutOfRangeId = "NLR0607";
    public const string DeviceProfileMissingId = "NLR0608";
    public const string DeviceProfileAmbiguousId = "NLR0609";
    public const string DeviceProfileMalformedId = "NLR0610";
    public const string DeviceProfileLacksQubitsId = "NLR0611";
    public const string DeviceLayoutInvalidId = "NLR0612";
    public const string NoiseWithoutCircuitId = "NLR0613";

    /// <summary>Format: <c>"{0}"</c> (the term, the estimated contraction, the depth where it crossed, the noise, the fix).</summary>
    public static readonly DiagnosticDescriptor NoiseInducedPlateau = Warning(NoiseInducedPlateauId, TrainabilityCategory,
        "Noise flattens the cost landscape at this depth",
        "{0}",
        "Under local Pauli noise after each layer, every gradient component of a depth-L circuit is bounded by √(8 ln 2)·‖η‖₁·‖ω‖₁·√n·Q with Q the product of the noise layers' factors q < 1 (Wang et al. 2021, Nat. Commun. 12, 6961): the gradient decays exponentially with depth whatever the initialisation. Threshold: neglr.min_noise_gradient.");

    // NLR06xx: each is an error, because the runtime refuses the declaration (the channel factory, the noise model or the
    // profile reader throws), except NLR0613, noise that is ignored. Format of each: "{0}", the shared validation's message.

    public static readonly DiagnosticDescriptor NoiseProbabilityOutOfRange = Error(NoiseProbabilityOutOfRangeId, NoiseCategory,
        "Noise probability out of range",
        "{0}",
        "A channel's probabilities (p, pX, pY, pZ, γ, the excited population, p0, p1) lie in [0, 1], and the probabilities of one channel add up to at most 1; NoiseChannel's factories refuse anything else.");

    public static readonly DiagnosticDescriptor RelaxationTimesInvalid = Error(RelaxationTimesInvalidId, NoiseCategory,
        "Thermal relaxation times impossible",
        "{0}",
        "[ThermalRelaxation(t1, t2, gateTime)] needs T1 > 0, T2 > 0, T2 ≤ 2·T1 (a qubit cannot dephase more slowly than twice its relaxation time) and a gate time of 0 or more, all in one unit.");

    public static readonly DiagnosticDescriptor TwoQubitNoiseAfterOneQubitGates = Error(TwoQubitNoiseAfterOneQubitGatesId, NoiseCategory,
        "Two-qubit channel after one-qubit gates",
        "{0}",
        "A two-qubit channel ([TwoQubitDepolarizing]) acts on the two qubits of the gate it follows, so it can only follow two-qubit gates.");

    public static readonly DiagnosticDescriptor NoiseGatesNotFollowable = Error(NoiseGatesNotFollowableId, NoiseCategory,
        "Noise follows gates it cannot",
        "{0}",
        "Gates lists the gate kinds a channel follows: not empty, every entry a GateKind, and for a two-qubit channel only kinds that act on two qubits; After is one of the NoiseAfter values.");

    public static readonly DiagnosticDescriptor NoiseQubitOutOfRange = Error(NoiseQubitOutOfRangeId, NoiseCategory,
        "Noise on a qubit the ansatz does not have",
        "{0}",
        "A channel's Qubits names qubits 0 to n − 1 of the ansatz, each once; a two-qubit channel names exactly one ordered pair.");

    public static readonly DiagnosticDescriptor ReadoutProbabilityOutOfRange = Error(ReadoutProbabilityOutOfRangeId, NoiseCategory,
        "Readout error probability out of range",
        "{0}",
        "[ReadoutError(p1Given0, p0Given1)] takes two probabilities in [0, 1] that add up to less than 1 (at 1 or more the readout says nothing about the state).");

    public static readonly DiagnosticDescriptor ReadoutQubitOutOfRange = Error(ReadoutQubitOutOfRangeId, NoiseCategory,
        "Readout error on a qubit the ansatz does not have",
        "{0}",
        "[ReadoutError]'s Qubits names qubits 0 to n − 1 of the ansatz, each once.");

    public static readonly DiagnosticDescriptor DeviceProfileMissing = Error(DeviceProfileMissingId, NoiseCategory,
        "Device profile file not found",
        "{0}",
        "[DeviceProfile(\"file.json\")] names a JSON file passed to the compiler as an AdditionalFiles item, by its path relative to the project or its file name.");

    public static readonly DiagnosticDescriptor DeviceProfileAmbiguous = Error(DeviceProfileAmbiguousId, NoiseCategory,
        "Device profile path matches several files",
        "{0}",
        "A file name that several AdditionalFiles items share does not say which profile is meant; write the path relative to the project.");

    public static readonly DiagnosticDescriptor DeviceProfileMalformed = Error(DeviceProfileMalformedId, NoiseCategory,
        "Device profile file malformed",
        "{0}",
        "The profile is read with the runtime's DeviceProfile.Parse: strict JSON following device-profile.schema.json. The message gives the JSON path, line and column of the first problem.");

    public static readonly DiagnosticDescriptor DeviceProfileLacksQubits = Error(DeviceProfileLacksQubitsId, NoiseCategory,
        "Device profile lacks the qubits or gates the ansatz needs",
        "{0}",
        "Every circuit qubit runs on a device qubit the profile describes (through Layout, or qubit q on device qubit q), and every gate of the circuit needs a calibration in the profile (its kind, or \"any\" of its arity).");

    public static readonly DiagnosticDescriptor DeviceLayoutInvalid = Error(DeviceLayoutInvalidId, NoiseCategory,
        "Device layout of the wrong size",
        "{0}",
        "[DeviceProfile]'s Layout gives one distinct device qubit (0 or more) per circuit qubit: Layout[i] is where circuit qubit i runs.");

    public static readonly DiagnosticDescriptor NoiseWithoutCircuit = Warning(NoiseWithoutCircuitId, NoiseCategory,
        "Noise declared where there is no circuit",
        "{0}",
        "Noise attributes describe the noise of an [Ansatz]'s circuit; on a type without [Ansatz], or an ansatz without a template or a [Circuit] method, nothing reads them.");

    // ---- end of the issue 13 block ----

    // NLR05xx: every rule is an error, because the generator refuses each of these declarations (it emits a stub that throws).
    // Format of each: "{0}", the shared validation's message, which names the attribute, the argument and the fix.

    public static readonly DiagnosticDescriptor OptimizerNotPartial = Error(OptimizerNotPartialId, OptimizersCategory,
        "An optimizer type must be partial",
        "{0}",
        "The source generator adds the optimizer's members to the declaring type in another part of it, which needs the type and every type containing it to be partial.");

    public static readonly DiagnosticDescriptor OptimizerTypeUnsupported = Error(OptimizerTypeUnsupportedId, OptimizersCategory,
        "Optimizer declared on a static class or ref struct",
        "{0}",
        "A declared optimizer is an object with state that the trainer holds as an IOptimizer: a static class has no instances and a ref struct cannot be stored or boxed.");

    public static readonly DiagnosticDescriptor ConflictingOptimizerAttributes = Error(ConflictingOptimizerAttributesId, OptimizersCategory,
        "Conflicting or duplicate optimizer attributes",
        "{0}",
        "A type declares one optimizer: at most one base optimizer ([Adam], [Sgd], [Momentum], [Nesterov], [Adagrad], [RmsProp]), at most one main schedule ([StepSchedule], [ExponentialSchedule], [CosineSchedule]) and each attribute once.");

    public static readonly DiagnosticDescriptor MissingBaseOptimizer = Error(MissingBaseOptimizerId, OptimizersCategory,
        "NLR or a schedule without a base optimizer",
        "{0}",
        "[NegativeLearningRate] wraps a base optimizer's update direction and the schedule attributes shape its learning rate, so both need a base optimizer on the same type.");

    public static readonly DiagnosticDescriptor InvalidLearningRate = Error(InvalidLearningRateId, OptimizersCategory,
        "Learning rate not positive",
        "{0}",
        "LearningRate (η⁺), NegativeRate (η⁻) and NegativeRatio (η⁻/η⁺) must be positive finite numbers, and a cosine schedule's MinimumRate must lie in [0, LearningRate].");

    public static readonly DiagnosticDescriptor NegativePhaseTooLong = Error(NegativePhaseTooLongId, OptimizersCategory,
        "Periodic negative phase longer than the positive one",
        "{0}",
        "Under the Periodic policy, NegativeSteps (ascent steps per period) must not exceed PositiveSteps: a period that climbs more than it descends drifts uphill.");

    public static readonly DiagnosticDescriptor UnboundedAscent = Error(UnboundedAscentId, OptimizersCategory,
        "Unbounded run of ascent steps",
        "{0}",
        "A declared NLR optimizer caps consecutive ascent steps with MaxAscentSteps from 1 to int.MaxValue − 1; 0, a negative number or int.MaxValue would let a run of ascent steps go on for ever.");

    public static readonly DiagnosticDescriptor WarmupTooLong = Error(WarmupTooLongId, OptimizersCategory,
        "Warm-up not shorter than the run",
        "{0}",
        "[LinearWarmup(WarmupSteps = W, TotalSteps = T)] needs W < T: otherwise the run ends before the learning rate reaches its declared value.");

    public static readonly DiagnosticDescriptor InvalidStepCount = Error(InvalidStepCountId, OptimizersCategory,
        "Step count missing or out of range",
        "{0}",
        "Step counts are whole numbers of steps: StepSize, TotalSteps and WarmupSteps (required where their schedule needs them), PhaseLength, PositiveSteps, NegativeSteps and Window are at least 1, Cooldown is 0 or more.");

    public static readonly DiagnosticDescriptor PeriodicPhaseCut = Error(PeriodicPhaseCutId, OptimizersCategory,
        "Periodic phase cut short by the ascent cap or the cooldown",
        "{0}",
        "Under the Periodic policy, MaxAscentSteps below NegativeSteps would cut every negative phase short, and a Cooldown longer than PositiveSteps would swallow the next one.");

    public static readonly DiagnosticDescriptor OptimizerValueOutOfRange = Error(OptimizerValueOutOfRangeId, OptimizersCategory,
        "Optimizer hyperparameter out of range",
        "{0}",
        "Hyperparameters must lie in the ranges the runtime optimizers accept: ε, τ > 0; μ, α, β₁, β₂ and the EMA decay in [0, 1); γ and StartFactor in (0, 1]; the tolerance ≥ 0; p in [0, 1]; Policy one of the NlrPolicy values.");

    public static readonly DiagnosticDescriptor InapplicableOptimizerArgument = Error(InapplicableOptimizerArgumentId, OptimizersCategory,
        "Optimizer argument that does not apply",
        "{0}",
        "An argument that another argument makes meaningless is almost always a mistake: a knob of another NLR policy (usually a forgotten Policy = …), PhaseLength under Periodic, or NegativeRate together with NegativeRatio.");

    public static readonly DiagnosticDescriptor InvalidInitialization = Error(InvalidInitializationId, OptimizersCategory,
        "Initialization attribute out of range or contradictory",
        "{0}",
        "An initialization attribute names one strategy with values the runtime accepts: [UniformInitialization] a finite interval with High > Low; [GaussianInitialization] either Variance > 0 or Layers ≥ 1 and Locality ≥ 1 (σ² = 1/(4S(L + 2)), Zhang et al. 2022), not both; [IdentityBlockInitialization] Blocks ≥ 1; and one initialization per type.");

    public static readonly DiagnosticDescriptor ConflictingStepRules = Error(ConflictingStepRulesId, OptimizersCategory,
        "Two step rules on one optimizer",
        "{0}",
        "[NegativeLearningRate] and [Backtracking] each decide what a step does after its trial (ascend, or shrink the step); one optimizer takes one of them. Declare two types to compare them.");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message, string description) =>
        Create(id, category, title, message, description, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message, string description) =>
        Create(id, category, title, message, description, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Info(string id, string category, string title, string message, string description) =>
        Create(id, category, title, message, description, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, string description,
        DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");
}

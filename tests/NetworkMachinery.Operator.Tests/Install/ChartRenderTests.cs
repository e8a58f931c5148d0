using k8s.Models;
using NetworkMachinery.Operator.Crds;

namespace NetworkMachinery.Operator.Tests.Install;

/// <summary>
/// deploy/install.yaml is the chart's default render, and the chart's values do what docs/install.md says: read as
/// Kubernetes objects, not as text.
/// </summary>
public sealed class ChartRenderTests
{
    private const string Release = "networkmachinery";
    private const string Namespace = "networkmachinery";

    private static readonly string[] Kinds = [.. CustomResourceDefinitions.BuildAll().Select(d => d.Spec.Names.Plural).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task InstallYaml_EqualsAFreshRenderOfTheChart()
    {
        var fresh = await HelmChart.InstallManifestAsync();

        Assert.True(
            fresh == await File.ReadAllTextAsync(HelmChart.InstallYaml),
            "deploy/install.yaml is out of date with deploy/helm/networkmachinery (or the CRDs); run make manifests and commit the result.");
    }

    [Fact]
    public async Task InstallYaml_HoldsTheCrdsAndItsNamespace_EveryObjectInIt()
    {
        var manifests = new Manifests(await File.ReadAllTextAsync(HelmChart.InstallYaml));

        var crds = manifests.All<V1CustomResourceDefinition>().Select(d => d.Metadata.Name).Order(StringComparer.Ordinal);
        Assert.Equal(CustomResourceDefinitions.BuildAll().Select(d => d.Metadata.Name).Order(StringComparer.Ordinal), crds);
        Assert.Equal(Namespace, manifests.Single<V1Namespace>(Namespace).Metadata.Name);
        var clusterScoped = new[] { "CustomResourceDefinition", "Namespace", "ClusterRole", "ClusterRoleBinding", "ValidatingWebhookConfiguration" };
        Assert.All(manifests.Objects.Where(o => !clusterScoped.Contains(o.Kind)), o => Assert.Equal(Namespace, o.Metadata.NamespaceProperty));
        Assert.DoesNotContain(manifests.Objects, o => o.Metadata.Labels is { } labels && labels.TryGetValue("app.kubernetes.io/component", out var component) && component == "prober");
    }

    [Fact]
    public async Task Defaults_OperatorRunsTwoLeaderElectedReplicas_HardenedAndProbed()
    {
        var manifests = new Manifests(await File.ReadAllTextAsync(HelmChart.InstallYaml));
        var deployment = manifests.Single<V1Deployment>("networkmachinery-operator");
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var args = container.Args;

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("networkmachinery-operator", pod.ServiceAccountName);
        Assert.Equal("operator", args[0]);
        Assert.Contains("--leader-elect", args);
        Assert.Equal("$(POD_NAMESPACE)", ComponentArgs.Value(args, "--lease-namespace"));
        Assert.Equal("metadata.namespace", Assert.Single(container.Env, e => e.Name == "POD_NAMESPACE").ValueFrom.FieldRef.FieldPath);
        Assert.Null(ComponentArgs.Value(args, "--kafka"));

        // Probes and the metrics Service reach the port the operator listens on.
        var listen = int.Parse(ComponentArgs.Value(args, "--listen")!.TrimStart(':'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(listen, Assert.Single(container.Ports, p => p.Name == "http").ContainerPort);
        Assert.Equal(("/healthz", "http"), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "http"), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal("http", Assert.Single(manifests.Single<V1Service>("networkmachinery-operator").Spec.Ports).TargetPort.Value);

        var security = container.SecurityContext;
        Assert.Equal((true, true, false), (security.RunAsNonRoot!.Value, security.ReadOnlyRootFilesystem!.Value, security.AllowPrivilegeEscalation!.Value));
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        var spread = Assert.Single(pod.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution);
        Assert.Equal("kubernetes.io/hostname", spread.PodAffinityTerm.TopologyKey);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, spread.PodAffinityTerm.LabelSelector.MatchLabels);
    }

    [Fact]
    public async Task Defaults_WebhookValidatesTheFourKindsThroughTheOperator_WithSelfManagedCertificates()
    {
        var manifests = new Manifests(await File.ReadAllTextAsync(HelmChart.InstallYaml));
        var pod = manifests.Single<V1Deployment>("networkmachinery-operator").Spec.Template.Spec;
        var args = ComponentArgs.Of(pod, "operator");

        Assert.Equal(
            ("networkmachinery-webhook", "$(POD_NAMESPACE)", "networkmachinery-webhook-tls", "networkmachinery", ":9443"),
            (ComponentArgs.Value(args, "--webhook-service"), ComponentArgs.Value(args, "--webhook-namespace"), ComponentArgs.Value(args, "--webhook-secret"),
                ComponentArgs.Value(args, "--webhook-configuration"), ComponentArgs.Value(args, "--webhook-listen")));

        var webhook = Assert.Single(manifests.Single<V1ValidatingWebhookConfiguration>("networkmachinery").Webhooks);
        Assert.Equal(("networkmachinery-webhook", Namespace, "/validate", 443), (webhook.ClientConfig.Service.Name, webhook.ClientConfig.Service.NamespaceProperty, webhook.ClientConfig.Service.Path, webhook.ClientConfig.Service.Port));
        Assert.Null(webhook.ClientConfig.CaBundle);
        Assert.Equal(("None", "Fail", 5), (webhook.SideEffects, webhook.FailurePolicy, webhook.TimeoutSeconds));
        Assert.Equal(["v1"], webhook.AdmissionReviewVersions);
        var rule = Assert.Single(webhook.Rules);
        Assert.Equal(["networkmachinery.io"], rule.ApiGroups);
        Assert.Equal(["v1alpha1"], rule.ApiVersions);
        Assert.Equal(["CREATE", "UPDATE"], rule.Operations);
        Assert.Equal(Kinds, rule.Resources.Order(StringComparer.Ordinal));

        // The Service's port 443 leads to the container port the operator serves the webhook on.
        var service = manifests.Single<V1Service>("networkmachinery-webhook");
        var port = Assert.Single(service.Spec.Ports);
        var containerPort = Assert.Single(Assert.Single(pod.Containers).Ports, p => p.Name == port.TargetPort.Value);
        Assert.Equal((443, 9443), (port.Port, containerPort.ContainerPort));
        Assert.Equal(manifests.Single<V1Deployment>("networkmachinery-operator").Spec.Selector.MatchLabels, service.Spec.Selector);
    }

    [Fact]
    public async Task Defaults_ComponentArgs_ParseWithTheirNetmCommands()
    {
        var manifests = new Manifests(await File.ReadAllTextAsync(HelmChart.InstallYaml));

        ComponentArgs.AssertParse(ComponentArgs.Of(manifests.Single<V1Deployment>("networkmachinery-operator").Spec.Template.Spec, "operator"));
        ComponentArgs.AssertParse(ComponentArgs.Of(manifests.Single<V1DaemonSet>("networkmachinery-collector").Spec.Template.Spec, "collector"));
    }

    [Fact]
    public async Task Defaults_CollectorReceivesSFlowOnTheNodesNetwork_WithoutApiAccess()
    {
        var manifests = new Manifests(await File.ReadAllTextAsync(HelmChart.InstallYaml));
        var pod = manifests.Single<V1DaemonSet>("networkmachinery-collector").Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.Equal((true, false), (pod.HostNetwork!.Value, pod.AutomountServiceAccountToken!.Value));
        Assert.False(manifests.Single<V1ServiceAccount>(pod.ServiceAccountName).AutomountServiceAccountToken);
        Assert.DoesNotContain(manifests.All<V1RoleBinding>().SelectMany(b => b.Subjects).Concat(manifests.All<V1ClusterRoleBinding>().SelectMany(b => b.Subjects)), s => s.Name == pod.ServiceAccountName);
        Assert.Equal(("collect", ":6343"), (container.Args[0], ComponentArgs.Value(container.Args, "--listen")));
        Assert.Equal(("UDP", 6343), (Assert.Single(container.Ports, p => p.Name == "sflow").Protocol, Assert.Single(container.Ports, p => p.Name == "sflow").ContainerPort));
        var sflow = Assert.Single(manifests.Single<V1Service>("networkmachinery-collector").Spec.Ports, p => p.Name == "sflow");
        Assert.Equal(("UDP", 6343), (sflow.Protocol, sflow.Port));
    }

    [Fact]
    public async Task Defaults_OperatorRbac_IsScopedToWhatItCalls()
    {
        var manifests = new Manifests(await File.ReadAllTextAsync(HelmChart.InstallYaml));
        var cluster = manifests.Single<V1ClusterRole>("networkmachinery-operator").Rules;
        var local = manifests.Single<V1Role>("networkmachinery-operator").Rules;

        // Writes to shared cluster objects name the object: the operator's own webhook configuration, Lease and Secret.
        var webhookWrite = Assert.Single(cluster, r => r.Resources.Contains("validatingwebhookconfigurations") && r.Verbs.Contains("patch"));
        Assert.Equal(["networkmachinery"], webhookWrite.ResourceNames);
        Assert.Equal(["netm-operator-leader"], Assert.Single(local, r => r.Resources.Contains("leases") && r.Verbs.Contains("update")).ResourceNames);
        Assert.Equal(["networkmachinery-webhook-tls"], Assert.Single(local, r => r.Resources.Contains("secrets") && r.Verbs.Contains("get")).ResourceNames);
        Assert.DoesNotContain(cluster.Concat(local), r => r.Verbs.Contains("*") || r.Resources.Contains("*"));

        // Alerting deletes notifications (of a deleted monitor, after the retention) and nothing else, and reads the
        // Secrets channels name, one at a time: never list or watch, which would hand it every Secret at once.
        var deletes = Assert.Single(cluster.Concat(local), r => r.Verbs.Contains("delete"));
        Assert.Equal(["networkmachinery.io"], deletes.ApiGroups);
        Assert.Equal(["networknotifications"], deletes.Resources);
        var secrets = Assert.Single(cluster, r => r.Resources.Contains("secrets"));
        Assert.Equal(["get"], secrets.Verbs);
    }

    [Fact]
    public async Task AlertingDisabled_OperatorRunsWithNoAlerting_AndReadsNoSecrets()
    {
        var manifests = new Manifests(await HelmChart.RenderAsync(Release, "nm", "--set", "alerting.enabled=false"));
        var args = ComponentArgs.Of(manifests.Single<V1Deployment>("networkmachinery-operator").Spec.Template.Spec, "operator");

        Assert.Contains("--no-alerting", args);
        Assert.Null(ComponentArgs.Value(args, "--notification-retention"));
        Assert.DoesNotContain(manifests.Single<V1ClusterRole>("networkmachinery-operator").Rules, r => r.Resources.Contains("secrets"));
        ComponentArgs.AssertParse(args);
    }

    [Fact]
    public async Task CertManager_CertificateMountedAndCaInjected_NoSelfManagedRbac()
    {
        var manifests = new Manifests(await HelmChart.RenderAsync(Release, "nm", "--set", "webhook.certManager.enabled=true"));
        var pod = manifests.Single<V1Deployment>("networkmachinery-operator").Spec.Template.Spec;
        var args = ComponentArgs.Of(pod, "operator");

        var certificate = manifests.SingleOfKind("Certificate");
        Assert.Equal("networkmachinery-webhook-tls", certificate.Spec["secretName"]);
        Assert.Contains("networkmachinery-webhook.nm.svc", (List<object>)certificate.Spec["dnsNames"]);
        Assert.Equal(manifests.SingleOfKind("Issuer").Metadata.Name, ((Dictionary<object, object>)certificate.Spec["issuerRef"])["name"]);
        Assert.Equal(
            $"nm/{certificate.Metadata.Name}",
            manifests.Single<V1ValidatingWebhookConfiguration>("networkmachinery").Metadata.Annotations["cert-manager.io/inject-ca-from"]);

        Assert.Equal("/etc/netm/webhook-tls", ComponentArgs.Value(args, "--webhook-cert-dir"));
        Assert.Null(ComponentArgs.Value(args, "--webhook-secret"));
        var mount = Assert.Single(Assert.Single(pod.Containers).VolumeMounts, m => m.MountPath == "/etc/netm/webhook-tls");
        Assert.Equal("networkmachinery-webhook-tls", Assert.Single(pod.Volumes, v => v.Name == mount.Name).Secret.SecretName);
        ComponentArgs.AssertParse(args);

        Assert.DoesNotContain(manifests.Single<V1ClusterRole>("networkmachinery-operator").Rules, r => r.Resources.Contains("validatingwebhookconfigurations"));
        Assert.DoesNotContain(manifests.Single<V1Role>("networkmachinery-operator").Rules, r => r.Resources.Contains("secrets"));
    }

    [Fact]
    public async Task WebhookDisabled_NoWebhookObjects_OperatorRunsWithNoWebhook()
    {
        var manifests = new Manifests(await HelmChart.RenderAsync(Release, "nm", "--set", "webhook.enabled=false"));
        var pod = manifests.Single<V1Deployment>("networkmachinery-operator").Spec.Template.Spec;
        var args = ComponentArgs.Of(pod, "operator");

        Assert.Empty(manifests.All<V1ValidatingWebhookConfiguration>());
        Assert.False(manifests.Contains("Service", "networkmachinery-webhook"));
        Assert.Contains("--no-webhook", args);
        Assert.DoesNotContain(args, a => a.StartsWith("--webhook-", StringComparison.Ordinal));
        Assert.DoesNotContain(Assert.Single(pod.Containers).Ports, p => p.Name == "webhook");
        Assert.DoesNotContain(manifests.Single<V1Role>("networkmachinery-operator").Rules, r => r.Resources.Contains("secrets"));
        ComponentArgs.AssertParse(args);
    }

    [Fact]
    public async Task KafkaBrokers_EveryComponentGetsTheBusFlags()
    {
        var manifests = new Manifests(await HelmChart.RenderAsync(
            Release, "nm", "--set", @"kafka.brokers=k1:9092\,k2:9092,kafka.topicPrefix=lab", "--set-string", @"kafka.config.security\.protocol=SSL"));

        var pods = new[]
        {
            (manifests.Single<V1Deployment>("networkmachinery-operator").Spec.Template.Spec, "operator"),
            (manifests.Single<V1DaemonSet>("networkmachinery-collector").Spec.Template.Spec, "collector"),
            (manifests.Single<V1DaemonSet>("networkmachinery-prober").Spec.Template.Spec, "prober"),
        };
        foreach (var (pod, container) in pods)
        {
            var args = ComponentArgs.Of(pod, container);
            Assert.Equal(("k1:9092,k2:9092", "lab", "security.protocol=SSL"), (ComponentArgs.Value(args, "--kafka"), ComponentArgs.Value(args, "--topic-prefix"), ComponentArgs.Value(args, "--kafka-config")));
        }

        ComponentArgs.AssertParse(ComponentArgs.Of(pods[0].Item1, "operator"));
        ComponentArgs.AssertParse(ComponentArgs.Of(pods[1].Item1, "collector"));
        ComponentArgs.AssertParse(ComponentArgs.Of(pods[2].Item1, "prober"));
    }

    [Fact]
    public async Task Prober_WithKafka_DaemonSetEntersPodNamespaces_WithNoApiAccess_AndThreeCapabilities()
    {
        var manifests = new Manifests(await HelmChart.RenderAsync(Release, "nm", "--set", "kafka.brokers=k1:9092"));
        var pod = manifests.Single<V1DaemonSet>("networkmachinery-prober").Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.True(pod.HostPID);
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.Equal("prober", container.Args[0]);
        Assert.Equal(":9344", ComponentArgs.Value(container.Args, "--listen"));
        Assert.Equal("/healthz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal(["NET_RAW", "SYS_ADMIN", "SYS_PTRACE"], container.SecurityContext.Capabilities.Add.Order(StringComparer.Ordinal));
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.DoesNotContain(manifests.Objects, o => o.Kind is "ClusterRole" or "ClusterRoleBinding" or "Role" or "RoleBinding" && o.Metadata.Name.Contains("prober", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prober_WithoutKafka_IsLeftOut_SinceNoTaskCouldReachIt()
    {
        var manifests = new Manifests(await HelmChart.RenderAsync(Release, "nm", "--set", "prober.enabled=true"));

        Assert.DoesNotContain(manifests.Objects, o => o.Metadata.Name.Contains("prober", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReleaseName_NamesEveryObject_SoThatTwoReleasesDoNotCollide()
    {
        var manifests = new Manifests(await HelmChart.RenderAsync("lab", "nm"));

        Assert.All(manifests.Objects, o => Assert.StartsWith("lab-networkmachinery", o.Metadata.Name, StringComparison.Ordinal));
        var args = ComponentArgs.Of(manifests.Single<V1Deployment>("lab-networkmachinery-operator").Spec.Template.Spec, "operator");
        Assert.Equal(("lab-networkmachinery-webhook", "lab-networkmachinery"), (ComponentArgs.Value(args, "--webhook-service"), ComponentArgs.Value(args, "--webhook-configuration")));
    }
}

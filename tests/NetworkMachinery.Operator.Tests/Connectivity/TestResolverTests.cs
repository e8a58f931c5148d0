using k8s.Models;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Tests.Examples;
using Kind = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Kind;
using Protocol = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Protocol;

namespace NetworkMachinery.Operator.Tests.Connectivity;

public sealed class TestResolverTests
{
    private static readonly Dictionary<string, (int, string)> Http = new(StringComparer.Ordinal) { ["http"] = (8080, "TCP") };

    [Fact]
    public void Resolve_ServiceByPortName_ClusterIpOnServicePort_EndpointsOnTheirNamedPort()
    {
        var cluster = new FakeClusterView().Pod("ns", "client", "10.0.0.1")
            .Service("ns", "web", "10.96.0.10", new V1ServicePort { Name = "http", Port = 80, TargetPort = "web" }, new ServiceEndpoint("10.0.1.1", Http), new ServiceEndpoint("10.0.1.2", Http));

        var resolved = TestResolver.Resolve(Test("""
            layer: "4"
            source: {name: client}
            destinations: [{kind: service, name: web, port: http}]
            """), cluster);

        Assert.Equal(["10.96.0.10:80", "10.0.1.1:8080", "10.0.1.2:8080"], resolved.Targets.Select(t => t.Display));
        Assert.All(resolved.Targets, t => Assert.Equal((Kind.Service, "web", (string?)null), (t.Target.Kind, t.Target.Name, t.Error)));
    }

    [Fact]
    public void Resolve_HttpAndHttpsDestinations_EveryTargetCarriesItsRequest_TcpOnesNone()
    {
        var cluster = new FakeClusterView()
            .Service("ns", "web", "10.96.0.10", new V1ServicePort { Name = "http", Port = 80, TargetPort = "web" }, new ServiceEndpoint("10.0.1.1", Http));

        var resolved = TestResolver.Resolve(Test("""
            layer: "4"
            destinations:
              - {kind: service, name: web, port: http, protocol: HTTP, path: "/healthz?full=1"}
              - {kind: ip, ip: 10.0.0.9, port: 443, protocol: HTTPS, insecureSkipTLSVerify: true}
              - {kind: dns, host: example.com, port: 80, protocol: HTTP}
              - {kind: ip, ip: 10.0.0.9, port: 22}
            """), cluster);

        Assert.Equal(
            [
                ("10.96.0.10:80", Protocol.Http, "/healthz?full=1", false),
                ("10.0.1.1:8080", Protocol.Http, "/healthz?full=1", false),
                ("10.0.0.9:443", Protocol.Https, "/", true),
                ("example.com:80", Protocol.Http, "/", false),
                ("10.0.0.9:22", Protocol.Tcp, "", false),
            ],
            resolved.Targets.Select(t => (t.Display, t.Target.Protocol, t.Target.HttpPath, t.Target.InsecureSkipTlsVerify)));
    }

    [Fact]
    public void Resolve_ServicePortWithNumericTargetPortAndUnnamedEndpointPort_UsesTheTargetPort()
    {
        var cluster = new FakeClusterView().Service("ns", "db", "10.96.0.20", new V1ServicePort { Name = "sql", Port = 5432, TargetPort = 15432 }, new ServiceEndpoint("10.0.2.1", new Dictionary<string, (int, string)>()));

        var resolved = TestResolver.Resolve(Test("""
            layer: "4"
            destinations: [{kind: service, name: db, port: 5432}]
            """), cluster);

        Assert.Equal(["10.96.0.20:5432", "10.0.2.1:15432"], resolved.Targets.Select(t => t.Display));
        Assert.Equal("host", Assert.Single(resolved.Sources).Display);
    }

    [Fact]
    public void Resolve_HeadlessServiceAtLayer3_ProbesOnlyTheEndpointsWithoutPorts()
    {
        var cluster = new FakeClusterView().Service("ns", "headless", "None", new V1ServicePort { Port = 80 }, new ServiceEndpoint("10.0.3.1", Http));

        var resolved = TestResolver.Resolve(Test("""
            layer: "3"
            destinations: [{kind: service, name: headless}]
            """), cluster);

        Assert.Equal(["10.0.3.1"], resolved.Targets.Select(t => t.Display));
    }

    [Fact]
    public void Resolve_SelectorSource_EveryMatchingPodInNameOrder()
    {
        var cluster = new FakeClusterView().Pod("ns", "b", "10.0.0.2", app: "probe").Pod("ns", "a", "10.0.0.1", app: "probe").Pod("ns", "other", "10.0.0.3", app: "web");

        var resolved = TestResolver.Resolve(Test("""
            layer: "3"
            source: {selector: {matchLabels: {app: probe}}}
            destinations: [{kind: ip, ip: 192.0.2.1}]
            """), cluster);

        Assert.Equal(["ns/a", "ns/b"], resolved.Sources.Select(s => s.Display));
        Assert.All(resolved.Sources, s => Assert.Null(s.Error));
    }

    [Fact]
    public void Resolve_WhatCannotBeResolved_SaysWhyAndKeepsTheRest()
    {
        var cluster = new FakeClusterView().Pod("ns", "client", ip: null).Pod("ns", "server", "10.0.0.5", ports: ("http", 8080));

        var resolved = TestResolver.Resolve(Test("""
            layer: "4"
            source: {name: client}
            destinations:
              - {kind: pod, name: server, port: http}
              - {kind: pod, name: server, port: grpc}
              - {kind: service, name: nothing, port: 80}
              - {kind: node, name: node-x, port: 22}
              - {kind: dns, host: example.org, port: 443}
            """), cluster);

        Assert.Equal("pod ns/client has no address yet (phase Pending)", Assert.Single(resolved.Sources).Error);
        Assert.Equal(
            [
                ("pod/ns/server", "10.0.0.5:8080", null),
                ("pod/ns/server", "-", "pod ns/server has no container port named 'grpc'"),
                ("service/ns/nothing", "-", "service ns/nothing not found"),
                ("node/node-x", "-", "node node-x not found"),
                ("dns/example.org", "example.org:443", null),
            ],
            resolved.Targets.Select(t => (t.Destination, t.Error is null ? t.Display : "-", t.Error)));
    }

    private static V1Alpha1NetworkConnectivityTest Test(string spec) => ResourceYaml.ConnectivityTest(spec, "t", "ns");
}

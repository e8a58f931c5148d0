using System.Net;
using NetworkMachinery.Operator.Admission;

namespace NetworkMachinery.Netm.Operator;

/// <summary>The admission webhook <c>netm operator</c> was asked to serve.</summary>
/// <param name="Listen">Where the webhook serves HTTPS.</param>
/// <param name="Options">Where its certificate comes from and whom it names.</param>
internal sealed record WebhookSettings(IPEndPoint Listen, WebhookOptions Options);

using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Tests.Runtime.Support;

namespace NetworkMachinery.Operator.Tests.Runtime.Queue;

public sealed class RateLimiterTests
{
    [Fact]
    public void Exponential_EachConsecutiveFailure_DoublesTheWait_PerKey()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var a = Enumerable.Range(0, 5).Select(_ => limiter.When("a").TotalMilliseconds).ToArray();
        var b = limiter.When("b");

        Assert.Equal([5, 10, 20, 40, 80], a);
        Assert.Equal(TimeSpan.FromMilliseconds(5), b);
        Assert.Equal(5, limiter.Retries("a"));
    }

    [Fact]
    public void Exponential_LongFailureStreak_IsCappedAtTheMaximum_WithoutOverflow()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        // 5 ms × 2^17 = 655 s, × 2^18 = 1311 s: the 19th failure is the first to hit the cap.
        var waits = Enumerable.Range(0, 200).Select(_ => limiter.When("a")).ToArray();

        Assert.Equal(TimeSpan.FromMilliseconds(5 * Math.Pow(2, 17)), waits[17]);
        Assert.All(waits[18..], wait => Assert.Equal(TimeSpan.FromSeconds(1000), wait));
    }

    [Fact]
    public void Exponential_Forget_StartsTheKeyOverAtTheBaseDelay()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When("a");
        limiter.When("a");

        limiter.Forget("a");

        Assert.Equal(0, limiter.Retries("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
    }

    [Fact]
    public void Bucket_BurstPassesAtOnce_ThenOneTokenPerInterval_AndRefillsWithTime()
    {
        var time = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<string>(qps: 10, burst: 3, time);

        var burst = Enumerable.Range(0, 3).Select(i => limiter.When($"k{i}")).ToArray();
        var fourth = limiter.When("k3");
        var fifth = limiter.When("k4");
        time.Advance(TimeSpan.FromSeconds(10));
        var afterRefill = Enumerable.Range(0, 3).Select(i => limiter.When($"r{i}")).ToArray();
        var beyond = limiter.When("r3");

        Assert.All(burst, wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(100, fourth.TotalMilliseconds, precision: 6);
        Assert.Equal(200, fifth.TotalMilliseconds, precision: 6);
        Assert.All(afterRefill, wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(100, beyond.TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void DefaultControllerLimiter_TakesTheLongerOfPerKeyBackoffAndOverallBucket()
    {
        var limiter = new RateLimiterOptions().Create<string>(new ManualTimeProvider());

        var withinBurst = Enumerable.Range(0, 100).Select(i => limiter.When($"key-{i}")).ToArray();
        var overBurst = limiter.When("key-100");

        // Within the burst of 100 the per-key 5 ms applies; the 101st retry waits for the bucket's 1/10 s.
        Assert.All(withinBurst, wait => Assert.Equal(TimeSpan.FromMilliseconds(5), wait));
        Assert.Equal(100, overBurst.TotalMilliseconds, precision: 6);
        Assert.Equal(1, limiter.Retries("key-7"));
        limiter.Forget("key-7");
        Assert.Equal(0, limiter.Retries("key-7"));
    }
}

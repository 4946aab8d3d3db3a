// bottleneck's light build (no Redis clustering) is what the Octokit plugins load; it ships no typings of its own.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}

import { describeFrontierContract } from "./frontier.contract.js";
import { MemoryFrontier } from "./memory-frontier.js";

describeFrontierContract("MemoryFrontier", (options) => new MemoryFrontier(options));

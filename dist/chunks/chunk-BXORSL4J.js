import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  logValue,
  redactCredentials
} from "./chunk-L2B7OZ5H.js";
import {
  WORD_JOINER,
  escapeMarkdown,
  normalizeText,
  safeUrl
} from "./chunk-XKQWIWGY.js";
import {
  MAX_RESULT_BYTES,
  capText,
  compareRows,
  confinePath,
  escapesRoot,
  findFiles,
  globBase,
  globToRegExp,
  hasGlob,
  loadResults,
  powerStatusOf,
  readTextBounded,
  reasonsOf,
  resolveTelemetryPath,
  sidecarNameFor,
  topologyOf
} from "./chunk-U7CSJYRK.js";
import {
  isRateLimited
} from "./chunk-A3GTAV63.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-2FNGD6TF.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool2 = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.trueTag,
      bool2.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool2.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab2 = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab2) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab2, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab2 = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab2 = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab2 && (atNewline && tab2.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab2, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl3 } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl3 || nl3.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep3 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl3 = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl3] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl3, sp;
        let indent = -1;
        do {
          nl3 = yield* this.pushNewline();
          if (nl3 > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl3 + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl3 = qb.indexOf("\n", this.pos);
        if (nl3 !== -1) {
          while (nl3 !== -1) {
            const cs = this.continueScalar(nl3 + 1);
            if (cs === -1)
              break;
            nl3 = qb.indexOf("\n", cs);
          }
          if (nl3 !== -1) {
            end = nl3 - (qb[nl3 - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl3 = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl3 = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl3 + 1);
            if (cs === -1)
              break;
            nl3 = this.buffer.indexOf("\n", cs);
          } while (nl3 !== -1);
          if (nl3 === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl3 = this.buffer.length;
          }
        }
        let i = nl3 + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl3 = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl3 - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl3 = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl3 + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl3 = this.source.indexOf("\n") + 1;
              while (nl3 !== 0) {
                this.onNewLine(this.offset + nl3);
                nl3 = this.source.indexOf("\n", nl3) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl3 = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl3.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl3.length = 0;
                  break;
                default:
                  nl3.length = 0;
              }
            }
            if (nl3.length >= 2)
              start = it.sep.splice(nl3[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl3 = this.source.indexOf("\n") + 1;
          while (nl3 !== 0) {
            this.onNewLine(this.offset + nl3);
            nl3 = this.source.indexOf("\n", nl3) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions2(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/core/pynum.ts
function pyRound(x, digits) {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  const rounded = Number(x.toFixed(digits));
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf(".");
  const tail = exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  const kept = exact.slice(0, dot + 1 + digits);
  const lastDigit = Number(kept[kept.length - 1] === "." ? kept[kept.length - 2] : kept[kept.length - 1]);
  const down = Number(kept);
  const magnitude = lastDigit % 2 === 0 ? down : Number((down + 10 ** -digits).toFixed(digits));
  return x < 0 ? -magnitude : magnitude;
}
function pyFloatRepr(x) {
  if (!Number.isFinite(x)) throw new RangeError(`non-finite number ${x} cannot be written to JSON`);
  if (Object.is(x, -0)) return "-0.0";
  const [mantissa, expText] = x.toExponential().split("e");
  const exponent = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    let intPart;
    let fracPart;
    if (exponent >= 0) {
      const padded = digits.padEnd(exponent + 1, "0");
      intPart = padded.slice(0, exponent + 1);
      fracPart = padded.slice(exponent + 1);
    } else {
      intPart = "0";
      fracPart = "0".repeat(-exponent - 1) + digits;
    }
    return `${sign}${intPart}.${fracPart === "" ? "0" : fracPart}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? "-" : "+";
  return `${sign}${mant}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

// src/core/gpuids.ts
function compareGpuIds(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/telemetry/zonehint.ts
function isZonelessTimestamp(text) {
  return /^\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$/.test(text);
}
var HOUR_S = 3600;
function candidateShifts() {
  const shifts = [];
  for (let h = 1; h <= 14; h++) shifts.push(-h * HOUR_S, h * HOUR_S);
  for (let h = 0; h < 14; h++) shifts.push(-(h + 0.5) * HOUR_S, (h + 0.5) * HOUR_S);
  return shifts;
}
function hours(seconds) {
  const total = Math.round(Math.abs(seconds) / 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
function shownZone(tz) {
  if (tz === void 0 || tz === "") return "TZ unset (the system zone)";
  return /^[A-Za-z0-9_+\-/:]{1,64}$/.test(tz) ? `TZ=${tz}` : "TZ";
}
function zoneShiftHint(span, window, tz) {
  if (!span?.zoneless || !(span.first <= span.last)) return void 0;
  const shift = candidateShifts().find((s) => span.first + s <= window.start && span.last + s >= window.end);
  if (shift === void 0) return void 0;
  const direction = shift < 0 ? "ahead of" : "behind";
  return `The telemetry's timestamps carry no time zone and were read in ${shownZone(tz)}; moved by ${shift < 0 ? "-" : "+"}${hours(shift)} they would cover the window, so the machine that sampled ran on a clock ${hours(shift)} ${direction} that zone. Run the action (or the CLI) with TZ set to the GPU machine's zone, or run both the monitor and sweep-power with TZ=UTC.`;
}

// src/core/power.ts
var POWER_METRIC_SCHEMA_VERSION = 2;
var DEFAULT_MAX_SAMPLE_GAP_S = 3;
var INTEGRATION_METHOD = "per_device_trapezoidal_with_linear_boundary_interpolation";
var POWER_METRIC_KEYS = [
  "avg_power_w",
  "avg_total_gpu_power_w",
  "total_gpu_energy_j",
  "joules_per_successful_query",
  "joules_per_input_token",
  "joules_per_output_token",
  "joules_per_total_token"
];
var ROLE_METRIC_KEYS = [
  "prefill_gpu_energy_j",
  "decode_gpu_energy_j",
  "prefill_avg_power_w",
  "decode_avg_power_w",
  "prefill_joules_per_input_token",
  "decode_joules_per_output_token"
];
function summariseDevices(results, window, findings, source) {
  const gpuIds = [...results.keys()].sort(compareGpuIds);
  const summary = { gpuIds, sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  if (gpuIds.length === 0) {
    if (findings.has("gpu_identity_column_missing")) return summary;
    const span = window.telemetrySpan ? ` (the file's samples span ${window.telemetrySpan.first}..${window.telemetrySpan.last})` : "";
    const zone = zoneShiftHint(window.telemetrySpan, window, window.timeZone);
    findings.add(
      "no_usable_power_samples",
      `${source}: no power samples near the benchmark window ${window.start}..${window.end}${span}. ${zone ?? "Check that the monitor ran during the benchmark and that its clock matches the benchmark's."}`
    );
    return summary;
  }
  if (window.expectedGpus !== void 0 && window.expectedGpus > 0 && gpuIds.length !== window.expectedGpus) {
    findings.add(
      "expected_gpu_count_mismatch",
      `${source}: telemetry has ${gpuIds.length} GPU(s) (${gpuIds.slice(0, 16).join(", ")}${gpuIds.length > 16 ? ", ..." : ""}) but the configuration expects ${window.expectedGpus}. Check CUDA_VISIBLE_DEVICES / the monitor's GPU list, or the TP x PP x PCP product.`
    );
  }
  for (const gpuId of gpuIds) {
    const result = results.get(gpuId);
    summary.sampleCounts[gpuId] = result.sampleCount;
    if (result.issue === "insufficient_power_samples") {
      summary.issues[gpuId] = [result.issue];
      findings.add(
        result.issue,
        `${source}: GPU ${gpuId} has ${result.sampleCount} sample(s) near the window; at least 2 are needed. Sample at 1 Hz or faster.`
      );
      continue;
    }
    if (result.issue === "benchmark_window_not_bracketed") {
      summary.issues[gpuId] = [result.issue];
      findings.add(
        result.issue,
        `${source}: GPU ${gpuId} samples span ${result.firstTime}..${result.lastTime} but the window is ${window.start}..${window.end}; start the monitor before the benchmark and stop it after.`
      );
      continue;
    }
    summary.maxGapS[gpuId] = result.maxGapS;
    if (!Number.isFinite(result.energyJ)) {
      summary.issues[gpuId] = ["power_value_out_of_range"];
      findings.add(
        "power_value_out_of_range",
        `${source}: GPU ${gpuId} energy over the window overflows (power values near 1e308 W); check the power column and its unit.`
      );
      continue;
    }
    summary.energyJ[gpuId] = result.energyJ;
    if (result.maxGapS > window.maxSampleGapS) {
      summary.issues[gpuId] = ["sampling_gap_exceeded"];
      findings.add(
        "sampling_gap_exceeded",
        `${source}: GPU ${gpuId} has a ${round3(result.maxGapS)} s gap between samples starting at ${result.maxGapAt} inside the window (limit ${window.maxSampleGapS} s). The monitor stalled or dropped rows.`
      );
    }
  }
  if (Object.keys(summary.energyJ).length === gpuIds.length) {
    const total = gpuIds.reduce((sum, id) => sum + summary.energyJ[id], 0);
    if (Number.isFinite(total)) summary.totalEnergyJ = total;
    else
      findings.add(
        "power_value_out_of_range",
        `${source}: the total energy of ${gpuIds.length} GPU(s) overflows; check the power column and its unit.`
      );
  }
  return summary;
}
function round3(x) {
  return Math.round(x * 1e3) / 1e3;
}
function derivePowerMetrics(totalEnergyJ, gpuCount, bench) {
  const durationS = bench.endUnix - bench.startUnix;
  const avgTotal = totalEnergyJ / durationS;
  return {
    avg_power_w: avgTotal / gpuCount,
    avg_total_gpu_power_w: avgTotal,
    total_gpu_energy_j: totalEnergyJ,
    joules_per_successful_query: totalEnergyJ / bench.completed,
    joules_per_input_token: totalEnergyJ / bench.totalInputTokens,
    joules_per_output_token: totalEnergyJ / bench.totalOutputTokens,
    joules_per_total_token: totalEnergyJ / (bench.totalInputTokens + bench.totalOutputTokens)
  };
}
function deriveRoleMetrics(role, energyJ, gpuCount, bench) {
  const durationS = bench.endUnix - bench.startUnix;
  const perToken = role === "prefill" ? { prefill_joules_per_input_token: energyJ / bench.totalInputTokens } : { decode_joules_per_output_token: energyJ / bench.totalOutputTokens };
  return { [`${role}_gpu_energy_j`]: energyJ, [`${role}_avg_power_w`]: energyJ / durationS / gpuCount, ...perToken };
}
function metricDigits(key) {
  return key.endsWith("_w") || key.endsWith("_j") ? 3 : 6;
}
function aggPowerPatch(valid, metrics) {
  const remove = /* @__PURE__ */ new Set([...POWER_METRIC_KEYS, ...ROLE_METRIC_KEYS, "power_invalid_reasons"]);
  const set = [
    ["power_metric_schema_version", String(POWER_METRIC_SCHEMA_VERSION)],
    ["power_valid", valid ? "1" : "0"]
  ];
  if (valid) {
    for (const [key, value] of Object.entries(metrics)) {
      if (value === void 0) continue;
      if (!Number.isFinite(value)) throw new RangeError(`non-finite power metric ${key}`);
      set.push([key, pyFloatRepr(pyRound(value, metricDigits(key)))]);
    }
  }
  return { remove, set };
}
function benchmarkWindowRecord(bench) {
  return bench ? {
    start_time_unix: bench.startUnix,
    end_time_unix: bench.endUnix,
    reported_duration_s: bench.reportedDurationS,
    integration_duration_s: bench.endUnix - bench.startUnix,
    completed: bench.completed,
    total_input_tokens: bench.totalInputTokens,
    total_output_tokens: bench.totalOutputTokens
  } : null;
}
function buildSidecar(input) {
  const bench = input.bench;
  return {
    schema_version: 1,
    power_valid: input.valid,
    reasons: input.findings.map((f) => f.code),
    reason_messages: Object.fromEntries(input.findings.map((f) => [f.code, f.message])),
    telemetry_source: input.telemetrySource,
    telemetry_format: input.telemetryFormat ?? null,
    gpu_identity: input.gpuIdentity ?? null,
    benchmark_result: input.benchResult,
    benchmark_window: benchmarkWindowRecord(bench),
    integration_method: INTEGRATION_METHOD,
    max_sample_gap_s: input.maxSampleGapS,
    expected_gpu_count: input.expectedGpus ?? null,
    observed_gpu_count: input.devices.gpuIds.length,
    observed_gpu_ids: input.devices.gpuIds,
    per_gpu_sample_counts: input.devices.sampleCounts,
    per_gpu_max_sample_gap_s: input.devices.maxGapS,
    per_gpu_energy_j: input.devices.energyJ,
    device_issues: input.devices.issues,
    telemetry_notes: input.notes ? {
      preamble_lines: input.notes.preambleLines,
      repeated_header_lines: input.notes.repeatedHeaderLines,
      truncated_last_line: input.notes.truncatedLastLine,
      out_of_order_gpus: input.notes.outOfOrderGpus,
      overlong_lines: input.notes.overlongLines
    } : null,
    metrics: Object.fromEntries(
      Object.entries(input.metrics).filter((e) => typeof e[1] === "number" && Number.isFinite(e[1])).map(([k, v]) => [k, pyRound(v, 6)])
    )
  };
}

// src/commands/options.ts
function parseBoolean(text) {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "true" || value === "yes" || value === "1") return true;
  if (value === "false" || value === "no" || value === "0") return false;
  return void 0;
}
function integer(min, max = Number.MAX_SAFE_INTEGER) {
  return (text) => {
    const trimmed = text.trim();
    if (!/^[+-]?\d+$/.test(trimmed)) return void 0;
    const n = Number(trimmed);
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : void 0;
  };
}
var KINDS = {
  string: { expected: "a value", parse: (text) => text },
  boolean: { expected: "true or false (also yes/no, 1/0)", parse: parseBoolean, boolean: true },
  integer: { expected: "an integer", parse: integer(Number.MIN_SAFE_INTEGER) },
  count: { expected: "a non-negative integer", parse: integer(0) },
  positiveInteger: { expected: "a positive integer", parse: integer(1) },
  // A number at all: zero or negative is the reference's audit record (invalid_max_sample_gap), not a usage error.
  seconds: {
    expected: "a number of seconds",
    parse: (text) => text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : void 0
  },
  url: { expected: "an http(s) URL", parse: (text) => safeUrl(text) ? text : void 0 },
  runId: { expected: "a workflow run id (digits)", parse: (text) => /^\d+$/.test(text) ? text : void 0 },
  repo: { expected: "owner/name", parse: (text) => /^[\w.-]+\/[\w.-]+$/.test(text) ? text : void 0 }
};
function optionsFor(schema, entry) {
  return schema.options.filter((o) => o.only === void 0 || o.only === entry);
}
function parseOptions(schema, raw, env, entry) {
  const problems = [];
  const values = {};
  for (const spec of optionsFor(schema, entry)) {
    const given = raw[spec.name];
    let text = given === void 0 || given.trim() === "" && !spec.emptyIsValue ? void 0 : spec.emptyIsValue ? given : given.trim();
    let fromEnv;
    if (text === void 0 && spec.env !== void 0 && (env[spec.env] ?? "").trim() !== "") {
      fromEnv = spec.env;
      text = env[spec.env].trim();
    }
    if (text === void 0 && spec.required !== void 0) {
      problems.push({ kind: "missing", option: spec.name, what: spec.required });
      continue;
    }
    if (text === void 0) text = spec.default;
    if (text === void 0) continue;
    const value = spec.kind.parse(text);
    if (value === void 0)
      problems.push({
        kind: "invalid",
        option: spec.name,
        value: text,
        expected: spec.kind.expected,
        ...fromEnv ? { env: fromEnv } : {}
      });
    else values[spec.name] = value;
  }
  if (problems.length === 0 && schema.check) problems.push(...schema.check(values));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options: schema.build(values) };
}
var str = (values, name) => values[name];
var num = (values, name) => values[name];
var bool = (values, name) => values[name] === true;
var SHOWN = 40;
var shown = (value) => value.length > SHOWN ? `${value.slice(0, SHOWN - 3)}...` : value;
var AGG_INSIGHTS = {
  name: "agg-insights",
  kind: KINDS.boolean,
  default: "false",
  help: "also write the main energy-insight figures into the agg JSON as insights_* keys (valid runs only)"
};
var REQUIRE_POWER = {
  name: "require-power",
  kind: KINDS.boolean,
  env: "REQUIRE_POWER",
  help: "fail (exit 1) when power is invalid, after writing the audit files (also REQUIRE_POWER=1|true|yes)"
};
var VALIDATION_RESULT = {
  name: "validation-result",
  kind: KINDS.string,
  placeholder: "FILE",
  help: "sidecar path (default: power_validation_<bench stem>.json beside the bench result)"
};
var BENCH_RESULT = {
  name: "bench-result",
  kind: KINDS.string,
  placeholder: "BENCH.json",
  required: "the raw benchmark result JSON",
  help: "raw benchmark result (window and token counts)"
};
var AGG_RESULT = {
  name: "agg-result",
  kind: KINDS.string,
  placeholder: "AGG.json",
  required: "the agg JSON to patch",
  help: "agg JSON to patch in place"
};
var TELEMETRY_CSV = {
  name: "csv",
  kind: KINDS.string,
  placeholder: "CSV",
  help: "telemetry CSV (default: $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv)"
};
var DEFAULT_VISUALIZER_URL = "https://inferencex.semianalysis.com";
var VISUALIZER_URL = {
  name: "visualizer-url",
  kind: KINDS.url,
  placeholder: "URL",
  default: DEFAULT_VISUALIZER_URL,
  help: "visualizer base URL for the links"
};
var MAX_SAMPLE_GAP = {
  name: "max-sample-gap",
  kind: KINDS.seconds,
  placeholder: "SECONDS",
  default: DEFAULT_MAX_SAMPLE_GAP_S.toFixed(1),
  help: "largest allowed gap between two samples of one GPU inside the window (single-node telemetry)"
};

// src/core/changelog/suggest.ts
function globDistance(pattern, name) {
  const n = name.length;
  let previous = new Array(n + 1);
  let current = new Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern[i - 1];
    if (p === "*") {
      current[0] = previous[0];
      for (let j = 1; j <= n; j++) current[j] = Math.min(previous[j], current[j - 1]);
    } else {
      current[0] = previous[0] + 1;
      for (let j = 1; j <= n; j++) {
        const substitute = previous[j - 1] + (p === name[j - 1] ? 0 : 1);
        current[j] = Math.min(substitute, previous[j] + 1, current[j - 1] + 1);
      }
    }
    [previous, current] = [current, previous];
  }
  return previous[n];
}
function closestNames(query, names, limit = 3) {
  const literal = query.replace(/\*/g, "");
  const threshold = Math.max(2, Math.ceil(literal.length * 0.3));
  const scored = [];
  for (const name of names) {
    const distance = globDistance(query, name);
    if (distance <= threshold) scored.push([distance, name]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const best = scored[0]?.[0] ?? 0;
  return scored.filter(([distance]) => distance <= best + 2).slice(0, limit).map(([, name]) => name);
}

// src/io/atomic.ts
import { constants, mkdir, open, rename, unlink, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createHash, randomBytes } from "node:crypto";
var TEMP_TAG = ".sweep-power-";
var MAX_NAME_IN_TEMP = 180;
function tempPrefix(path) {
  const name = basename(path);
  const shown2 = Buffer.byteLength(name) <= MAX_NAME_IN_TEMP ? name : createHash("sha256").update(name).digest("hex").slice(0, 32);
  return `.${shown2}${TEMP_TAG}`;
}
async function removeStaleTemps(path) {
  const dir = dirname(path);
  const prefix = tempPrefix(path);
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith(".tmp")).map((n) => unlink(join(dir, n)).catch(() => void 0))
  );
}
async function writeFileAtomic(path, content) {
  await mkdir(dirname(path), { recursive: true });
  await removeStaleTemps(path);
  const temp = join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 420);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = void 0;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => void 0);
    await unlink(temp).catch(() => void 0);
    throw error;
  }
  try {
    const dir = await open(dirname(path), "r");
    await dir.sync().catch(() => void 0);
    await dir.close();
  } catch {
  }
}

// src/commands/validate-changelog.ts
import { relative, resolve, sep } from "node:path";

// src/core/changelog/bytes.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/core/changelog/problems.ts
var import_yaml = __toESM(require_dist(), 1);
var SourcePositions = class {
  constructor(file, text) {
    this.file = file;
    this.text = text;
    this.counter.addNewLine(0);
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) this.counter.addNewLine(at + 1);
  }
  file;
  text;
  counter = new import_yaml.LineCounter();
  at(offset) {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const { line, col } = this.counter.linePos(clamped);
    return { line, column: col };
  }
  /** Offset of the first character of a 1-based line. */
  lineStart(line) {
    return line <= 1 ? 0 : this.counter.lineStarts[line - 1] ?? this.text.length;
  }
  /** The text of a 1-based line without its newline. */
  lineText(line) {
    const start = this.lineStart(line);
    const end = this.text.indexOf("\n", start);
    return this.text.slice(start, end === -1 ? this.text.length : end);
  }
  problem(code, offset, message) {
    return { code, file: this.file, ...this.at(offset), message };
  }
};
function quoteExcerpt(text, max = 60) {
  const oneLine = text.replace(/\n/g, "\\n");
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}\u2026` : oneLine);
}
function plainExcerpt(text, max = 120) {
  const visible = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, "").replace(/##\[/g, "#\u2060#[");
  return visible.length > max ? `${visible.slice(0, max)}\u2026` : visible;
}
function plural(count2, noun, nouns = `${noun}s`) {
  return `${count2} ${count2 === 1 ? noun : nouns}`;
}
function sortProblems(problems) {
  return [...problems].sort(
    (a, b) => a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1
  );
}

// src/core/changelog/bytes.ts
var MAX_CHANGELOG_BYTES = 4 * 1024 * 1024;
var MAX_FLOW_DEPTH = 32;
var MAX_BLOCK_INDICATORS_PER_LINE = 16;
function bytePosition(bytes, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need;
    let min;
    if (b < 128) {
      i++;
      continue;
    } else if (b >= 194 && b <= 223) [need, min] = [1, 128];
    else if (b >= 224 && b <= 239) [need, min] = [2, 2048];
    else if (b >= 240 && b <= 244) [need, min] = [3, 65536];
    else return i;
    if (i + need >= bytes.length) return i;
    let codePoint = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0 || (c & 192) !== 128) return i;
      codePoint = codePoint << 6 | c & 63;
    }
    if (codePoint < min || codePoint > 1114111 || codePoint >= 55296 && codePoint <= 57343) return i;
    i += need + 1;
  }
  return -1;
}
function countByte(bytes, value, reportLine) {
  let first = -1;
  let count2 = 0;
  let lines = 0;
  let lastLine = -1;
  let line = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === value && reportLine(line + 1)) {
      if (first === -1) first = i;
      count2++;
      if (line !== lastLine) {
        lines++;
        lastLine = line;
      }
    }
    if (b === 10) line++;
  }
  return { first, count: count2, lines };
}
var EVERY_LINE = () => true;
function checkChangelogBytes(file, bytes, maxBytes = MAX_CHANGELOG_BYTES, reportLine = EVERY_LINE) {
  const problems = [];
  const at = (offset) => ({ file, ...bytePosition(bytes, offset) });
  if (bytes.length > maxBytes) {
    problems.push({
      code: "changelog_too_large",
      file,
      line: 1,
      column: 1,
      message: `the file is ${bytes.length.toLocaleString("en-US")} bytes, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB limit for a changelog; nothing else was checked. A changelog grows by a few hundred bytes per entry: check that the right file is given.`
    });
    return { problems };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    problems.push({
      code: "not_utf8",
      ...at(invalid),
      message: `is not UTF-8: byte 0x${bytes[invalid].toString(16).toUpperCase().padStart(2, "0")} is not valid UTF-8; save the file as UTF-8 (without a byte-order mark).`
    });
  }
  for (const [value, code, what, fix] of [
    [
      13,
      "carriage_return",
      "CR characters",
      "convert the file to LF line endings (git config core.autocrlf false; dos2unix)"
    ],
    [9, "tab_character", "tabs", "replace tabs with spaces"],
    [0, "nul_byte", "NUL bytes", "remove the NUL bytes; the file may have been saved as UTF-16"]
  ]) {
    const found = countByte(bytes, value, reportLine);
    if (found.count > 0) {
      const more = found.count > 1 ? ` (${plural(found.count, "character")} on ${plural(found.lines, "line")}; this is the first)` : "";
      problems.push({ code, ...at(found.first), message: `contains ${what}${more}; ${fix}.` });
    }
  }
  if (bytes.length === 0 || bytes[bytes.length - 1] !== 10) {
    problems.push({
      code: "missing_final_newline",
      ...at(bytes.length),
      message: "does not end with a newline; add one after the last line."
    });
  }
  if (invalid !== -1) return { problems };
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), problems };
}
function checkNesting(positions) {
  let offset = 0;
  let flowDepth = 0;
  let indicatorsOnLine = 0;
  for (const token of new import_yaml2.Lexer().lex(positions.text)) {
    switch (token) {
      case "[":
      case "{":
        if (++flowDepth > MAX_FLOW_DEPTH) {
          return positions.problem(
            "nesting_too_deep",
            offset,
            `flow collections nest deeper than ${MAX_FLOW_DEPTH} levels; a changelog entry needs three (list, mapping, list). Flatten the value.`
          );
        }
        break;
      case "]":
      case "}":
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case "-":
      case "?":
      case ":":
        if (++indicatorsOnLine > MAX_BLOCK_INDICATORS_PER_LINE) {
          return positions.problem(
            "nesting_too_deep",
            offset,
            `more than ${MAX_BLOCK_INDICATORS_PER_LINE} nested block indicators on one line; a changelog line holds at most '- key:'. Split the value over lines.`
          );
        }
        break;
      default:
        if (token.includes("\n")) indicatorsOnLine = 0;
    }
    if (!(token.length === 1 && (token === "" || token === "" || token === ""))) offset += token.length;
  }
  return void 0;
}

// src/core/changelog/configkeys.ts
var CONFIG_KEY = /^[A-Za-z0-9][A-Za-z0-9._*-]*$/;
var TOP_LEVEL_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#\-?:,[\]{}&*!|>'"%@`][^#]*?|-[^\s#]*?))\s*:(?:\s|$)/;
function readMasterConfigKeys(sources) {
  const keys = /* @__PURE__ */ new Map();
  const problems = [];
  for (const source of sources) {
    const positions = new SourcePositions(source.file, source.text);
    let offset = 0;
    for (const line of source.text.split("\n")) {
      const lineOffset = offset;
      offset += line.length + 1;
      const first = line[0];
      if (first === void 0 || first === " " || first === "#" || first === "\r" || line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))
        continue;
      const match = TOP_LEVEL_KEY.exec(line);
      if (!match) {
        problems.push(
          positions.problem(
            "master_config_invalid",
            lineOffset,
            `line ${positions.at(lineOffset).line} starts at column 1 but is not a 'key:' line; a master config is a mapping of config keys, each at column 1.`
          )
        );
        continue;
      }
      const key = match[1] !== void 0 ? match[1].replace(/\\(.)/g, "$1") : match[2] !== void 0 ? match[2].replace(/''/g, "'") : match[3].trimEnd();
      if (!CONFIG_KEY.test(key)) {
        const shown2 = JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}\u2026` : key);
        problems.push(
          positions.problem(
            "master_config_invalid",
            lineOffset,
            `config key ${shown2} holds characters other than letters, digits, '.', '-' and '_'; config keys reach the \`configs\` output and workflow scripts, so rename it.`
          )
        );
        continue;
      }
      if (key.includes("*")) {
        problems.push(
          positions.problem(
            "master_config_invalid",
            lineOffset,
            `config key '${key}' holds '*', which changelog entries use as a wildcard; rename it.`
          )
        );
        continue;
      }
      const earlier = keys.get(key);
      if (earlier !== void 0) {
        problems.push(
          positions.problem(
            "master_config_invalid",
            lineOffset,
            `config key '${key}' is also defined in ${earlier}; keys must be unique across master configs.`
          )
        );
        continue;
      }
      keys.set(key, source.file);
    }
  }
  return { keys, files: sources.map((s) => s.file), problems };
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function expandConfigKey(pattern, keys) {
  if (!pattern.includes("*")) {
    for (const key of keys) if (key === pattern) return [key];
    return [];
  }
  const matcher = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`, "s");
  const matched = [];
  for (const key of keys) if (matcher.test(key)) matched.push(key);
  return matched;
}
function unmatchedKeyMessage(pattern, keys, configsLabel) {
  const near = closestNames(pattern, keys, 3);
  const hint = near.length > 0 ? `; closest: ${near.join(", ")}` : "; no key is close: check the model, precision, GPU and framework parts";
  const lead = pattern.includes("*") ? `No config keys matched the wildcard pattern '${pattern}' in master configs` : `Config key '${pattern}' not found in master configs`;
  return `${lead} (${configsLabel})${hint}.`;
}

// src/core/changelog/parse.ts
var import_yaml3 = __toESM(require_dist(), 1);
var MAX_ALIAS_COUNT = 100;
var ENTRY_START = "- config-keys:";
function startOf(node, fallback) {
  return node?.range?.[0] ?? fallback;
}
function fieldsOf(node, fallback) {
  const fields = /* @__PURE__ */ new Map();
  if (!(0, import_yaml3.isMap)(node)) return fields;
  for (const pair of node.items) {
    if (!(0, import_yaml3.isScalar)(pair.key)) continue;
    const keyOffset = startOf(pair.key, fallback);
    const value = pair.value;
    fields.set(String(pair.key.value), {
      keyOffset,
      valueOffset: startOf(value, keyOffset),
      itemOffsets: (0, import_yaml3.isSeq)(value) ? value.items.map((item) => startOf(item, keyOffset)) : []
    });
  }
  return fields;
}
function describeYamlError(code, message, positions, offset) {
  if (code === "DUPLICATE_KEY") {
    const key = /^\s*("[^"]*"|'[^']*'|[^:]+?)\s*:/.exec(positions.text.slice(offset, offset + 200))?.[1] ?? "this key";
    return `duplicate key ${key}: a mapping holds each key once; merge the two values or delete one.`;
  }
  const firstLine = message.split("\n")[0] ?? message;
  return `not valid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, "")}. Compare the indentation with the entries above.`;
}
function parseChangelog(file, bytes, maxBytes = MAX_CHANGELOG_BYTES, reportLine) {
  const decoded = checkChangelogBytes(file, bytes, maxBytes, reportLine);
  const problems = [...decoded.problems];
  const positions = new SourcePositions(file, decoded.text ?? "");
  if (decoded.text === void 0) return { positions, problems };
  if (bytes.includes(0)) return { positions, problems };
  const nesting = checkNesting(positions);
  if (nesting) return { positions, problems: [...problems, nesting] };
  const doc = (0, import_yaml3.parseDocument)(positions.text, {
    version: "1.1",
    uniqueKeys: true,
    prettyErrors: false,
    logLevel: "silent"
  });
  const linesWithProblems = new Set(problems.map((p) => p.line));
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const offset = error.pos[0];
      if (/call stack|stack overflow/i.test(error.message)) {
        problems.push(
          positions.problem(
            "nesting_too_deep",
            offset,
            "the YAML nests too deeply to read here; a changelog entry needs three levels (list, mapping, list). Check the indentation."
          )
        );
        break;
      }
      const problem = positions.problem(
        error.code === "DUPLICATE_KEY" ? "duplicate_key" : "yaml_syntax",
        offset,
        describeYamlError(error.code, error.message, positions, offset)
      );
      if (!linesWithProblems.has(problem.line)) problems.push(problem);
    }
    return { positions, problems };
  }
  let root;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    let aliasOffset = 0;
    (0, import_yaml3.visit)(doc, {
      Alias(_, alias) {
        aliasOffset = startOf(alias, 0);
        return import_yaml3.visit.BREAK;
      }
    });
    const detail = error instanceof RangeError ? "nesting is too deep to convert" : `aliases expand past ${MAX_ALIAS_COUNT} copies (a "billion laughs" expansion)`;
    problems.push(
      positions.problem(
        "alias_limit",
        aliasOffset,
        `YAML ${detail}; a changelog needs no anchors or aliases: write each value out.`
      )
    );
    return { positions, problems };
  }
  const seq = doc.contents;
  if (!Array.isArray(root) || !(0, import_yaml3.isSeq)(seq)) {
    const kind = root === null || root === void 0 ? "empty" : Array.isArray(root) ? "a list" : typeof root === "object" ? "a mapping" : `a ${typeof root}`;
    problems.push(
      positions.problem(
        "root_not_list",
        startOf(seq, 0),
        `root must be a YAML list: the file's root is ${kind}; it must be a list of entries, each starting with '${ENTRY_START}' at column 1.`
      )
    );
    return { positions, problems };
  }
  const entries = [];
  const entryLines = /* @__PURE__ */ new Set();
  seq.items.forEach((item, index) => {
    const node = (0, import_yaml3.isAlias)(item) ? item.resolve(doc) ?? null : item;
    const offset = startOf(item, 0);
    const { line } = positions.at(offset);
    const lineOffset = positions.lineStart(line);
    entryLines.add(line);
    entries.push({ index, lineOffset, line, value: root[index], fields: fieldsOf(node, offset) });
    if (!positions.lineText(line).startsWith(ENTRY_START)) {
      problems.push(
        positions.problem(
          "entry_start_line",
          lineOffset,
          `entry ${index + 1} starts with ${quoteExcerpt(positions.lineText(line), 40)}; every entry must start with a line '${ENTRY_START}' at column 1 (the sweep tooling counts entries by that line).`
        )
      );
    }
  });
  for (let line = 1, offset = 0; offset < positions.text.length; line++) {
    const end = positions.text.indexOf("\n", offset);
    if (positions.text.startsWith(ENTRY_START, offset) && !entryLines.has(line)) {
      problems.push(
        positions.problem(
          "entry_start_line",
          offset,
          `this '${ENTRY_START}' line does not start a top-level entry (YAML reads it as part of the entry above); the entry count would disagree with the sweep tooling's. Check the indentation.`
        )
      );
    }
    if (end === -1) break;
    offset = end + 1;
  }
  return { positions, entries, problems };
}

// src/core/changelog/prlink.ts
var PLACEHOLDER = "XXX";
function pullRequestUrl(repo, pr) {
  return `https://github.com/${repo}/pull/${pr}`;
}
function escapeRegExp2(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function isCanonicalLink(link2, repo) {
  return new RegExp(`^https://github\\.com/${escapeRegExp2(repo)}/pull/\\d+$`).test(link2);
}
function isPlaceholder(link2, repo) {
  return link2 === PLACEHOLDER || link2 === pullRequestUrl(repo, PLACEHOLDER);
}
function addedLinkProblem(link2, context) {
  const { repo, prNumber } = context;
  if (prNumber === void 0) {
    if (isCanonicalLink(link2, repo)) return void 0;
    const lead2 = `new main-branch entry has invalid pr-link: ${JSON.stringify(link2)}`;
    if (isPlaceholder(link2, repo))
      return `${lead2}; it is the placeholder, and on the main branch a new entry must link its pull request: ${pullRequestUrl(repo, "<number>")}.`;
    return `${lead2}; it is not a pull-request link of ${repo}; on the main branch a new entry must use ${pullRequestUrl(repo, "<number>")}.`;
  }
  const expected = pullRequestUrl(repo, prNumber);
  if (link2 === expected || isPlaceholder(link2, repo)) return void 0;
  const lead = `new PR entry must use ${expected} or an ${PLACEHOLDER} placeholder (which the merge fills in); found ${JSON.stringify(link2)}`;
  const other = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/pull\/(\d+)$/.exec(link2);
  if (other && other[1] === repo)
    return `${lead}: it points at pull request #${other[2]}, but this change is pull request #${prNumber}.`;
  if (other) return `${lead}: it points at ${other[1]}, but this repository is ${repo}.`;
  return `${lead}.`;
}

// src/core/changelog/history.ts
var MAX_CHANGED_ENTRY_REPORTS = 10;
function deepEqual(a, b) {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object")
    return Number.isNaN(a) && Number.isNaN(b);
  const aKeys = Object.keys(a);
  const bRecord = b;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => key in bRecord && deepEqual(a[key], bRecord[key]));
}
function asRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function differingFields(base, head) {
  const a = asRecord(base);
  const b = asRecord(head);
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => !deepEqual(a[key], b[key]));
}
function commonPrefixLength(a, b) {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
function entryEnd(side, entry) {
  return side.entries[entry.index + 1]?.lineOffset ?? side.positions.text.length;
}
function fieldSpan(side, entry, field) {
  const source = entry.fields.get(field);
  if (!source) return void 0;
  let to = entryEnd(side, entry);
  for (const other of entry.fields.values())
    if (other.keyOffset > source.keyOffset && other.keyOffset < to) to = other.keyOffset;
  return { from: source.keyOffset, text: side.positions.text.slice(source.keyOffset, to) };
}
function firstDifference(base, head, baseEntry, headEntry, field) {
  const headField = fieldSpan(head, headEntry, field);
  const baseField = fieldSpan(base, baseEntry, field);
  if (headField && baseField) {
    const same2 = commonPrefixLength(baseField.text, headField.text);
    return { head: headField.from + same2, base: baseField.from + same2 };
  }
  const headText = head.positions.text.slice(headEntry.lineOffset, entryEnd(head, headEntry));
  const baseText = base.positions.text.slice(baseEntry.lineOffset, entryEnd(base, baseEntry));
  const same = commonPrefixLength(baseText, headText);
  return { head: headEntry.lineOffset + same, base: baseEntry.lineOffset + same };
}
function lineRange(positions, from, to) {
  const first = positions.at(from).line;
  const last = positions.at(Math.max(from, to - 1)).line;
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}
function blankLinesBefore(text, offset) {
  let empty = 0;
  let at = offset - 1;
  for (; ; ) {
    const previousEnd = at;
    const previousStart = text.lastIndexOf("\n", previousEnd - 1) + 1;
    if (previousEnd <= 0) return { empty, spacesOnly: false };
    const line = text.slice(previousStart, previousEnd);
    if (line === "") empty++;
    else return { empty, spacesOnly: line.trim() === "" && empty === 0 };
    at = previousStart - 1;
    if (at < 0) return { empty, spacesOnly: false };
  }
}
function separatorProblems(base, head, additions) {
  const problems = [];
  const baseText = base.positions.text;
  const headText = head.positions.text;
  const appendedAt = baseText.length;
  const suffix = headText.slice(appendedAt);
  const terminator = baseText.endsWith("\n") ? "" : "\n";
  const expectedStart = baseText.endsWith("\n\n") ? ENTRY_START : `${terminator}
${ENTRY_START}`;
  if (!suffix.startsWith(expectedStart)) {
    const leadingNewlines = /^\n*/.exec(suffix)?.[0].length ?? 0;
    const emptyLines = leadingNewlines - terminator.length + (baseText.endsWith("\n\n") ? 1 : 0);
    const rest = suffix.slice(leadingNewlines);
    const firstLine = rest.split("\n")[0] ?? "";
    const detail = firstLine !== "" && firstLine.trim() === "" ? `the separator line after the history holds only spaces; make it empty (exactly one empty line before '${ENTRY_START}').` : !rest.startsWith(ENTRY_START) ? `the appended text starts with ${quoteExcerpt(firstLine, 40)}; a new entry starts with '${ENTRY_START}' at column 1, after one empty line.` : `the first new entry follows the history after ${plural(emptyLines, "empty line")}; separate it with exactly one empty line.`;
    problems.push(
      head.positions.problem(
        "separator",
        appendedAt + leadingNewlines,
        `new changelog entries must be separated from history by one empty line: ${detail}`
      )
    );
  }
  for (const entry of additions.slice(1)) {
    const { empty, spacesOnly } = blankLinesBefore(headText, entry.lineOffset);
    if (empty !== 1) {
      const detail = spacesOnly ? "the line before it holds only spaces; make it empty" : `it follows the entry above after ${plural(empty, "empty line")}; separate entries with exactly one empty line`;
      problems.push(
        head.positions.problem(
          "separator",
          entry.lineOffset,
          `appended changelog entries must have exactly one empty separator line: entry ${entry.index + 1}: ${detail}.`
        )
      );
    }
  }
  if (headText.endsWith("\n\n")) {
    const trailing = /\n+$/.exec(headText)?.[0].length ?? 0;
    problems.push(
      head.positions.problem(
        "trailing_empty_lines",
        headText.length - trailing + 1,
        `the final appended changelog entry must end with one newline: the file ends with ${plural(trailing - 1, "empty line")}; end the last entry with a single newline.`
      )
    );
  }
  return problems;
}
function compareHistory(base, head, repo) {
  const problems = [];
  const baseText = base.positions.text;
  const headText = head.positions.text;
  const prefix = commonPrefixLength(baseText, headText);
  if (prefix === baseText.length) {
    if (baseText !== "" && !baseText.endsWith("\n") && headText.length > baseText.length) {
      if (headText === `${baseText}
`) return { additions: [], corrections: [], problems };
      const lastLine = head.positions.at(baseText.length).line;
      problems.push(
        head.positions.problem(
          "history_line_deleted",
          head.positions.lineStart(lastLine),
          `Found deleted line: ${plainExcerpt(head.positions.lineText(lastLine))} (line ${lastLine}): the base ends in this line without a final newline, so appending after it deletes the line and adds it back with a newline, and history lines are immutable. Add only the final newline in a change of its own, then append after it.`
        )
      );
    }
    const additions2 = head.entries.slice(base.entries.length);
    base.entries.forEach((baseEntry, i) => {
      const headEntry = head.entries[i];
      if (headEntry && !deepEqual(baseEntry.value, headEntry.value)) {
        const fields = differingFields(baseEntry.value, headEntry.value);
        const offset = headEntry.fields.get(fields[0] ?? "")?.keyOffset ?? headEntry.lineOffset;
        problems.push(
          head.positions.problem(
            "history_entry_changed",
            Math.max(offset, baseText.length),
            `entry ${i + 1} changed; existing entries are immutable except for pr-link-only corrections: the appended text continues it (line ${headEntry.line}), changing its ${fields.join(", ")}; start a new entry with '${ENTRY_START}' at column 1, after one empty line.`
          )
        );
      }
    });
    if (headText.length > baseText.length && additions2.length === 0 && problems.length === 0) {
      problems.push(
        head.positions.problem(
          "no_new_entry",
          baseText.length,
          `changelog diff has no appended entry or pr-link correction: ${lineRange(head.positions, baseText.length, headText.length)} appended after the history add no entry (only empty lines, spaces or comments); remove them, or add a complete entry starting with '${ENTRY_START}'.`
        )
      );
    } else if (additions2.length > 0) {
      problems.push(...separatorProblems(base, head, additions2));
    }
    return { additions: additions2, corrections: [], problems };
  }
  const partLine = head.positions.at(prefix).line;
  const partOffset = head.positions.lineStart(partLine);
  const shift = head.entries.length - base.entries.length;
  const shared = Math.min(base.entries.length, head.entries.length);
  let firstDiffering = 0;
  while (firstDiffering < shared && deepEqual(base.entries[firstDiffering]?.value, head.entries[firstDiffering]?.value))
    firstDiffering++;
  const alignedAfter = (short, long, by) => {
    for (let i = firstDiffering; i < short.length; i++)
      if (!deepEqual(short[i]?.value, long[i + by]?.value)) return false;
    return true;
  };
  if (shift > 0 && firstDiffering < base.entries.length && alignedAfter(base.entries, head.entries, shift)) {
    const additions2 = head.entries.slice(firstDiffering, firstDiffering + shift);
    const first = additions2[0];
    const next = head.entries[firstDiffering + shift];
    const last = head.positions.at(next.lineOffset - 1).line;
    problems.push(
      head.positions.problem(
        "history_inserted",
        first.lineOffset,
        `${plural(shift, "entry", "entries")} (lines ${first.line}-${last}) ${shift === 1 ? "was" : "were"} inserted before history entry ${firstDiffering + 1}; the history is append-only: move ${shift === 1 ? "it" : "them"} to the end of the file, after one empty line.`
      )
    );
    return { additions: additions2, corrections: [], problems };
  }
  if (shift < 0 && alignedAfter(head.entries, base.entries, -shift)) {
    const removed = base.entries.slice(firstDiffering, firstDiffering - shift);
    const keys = removed.map(
      (entry) => asRecord(entry.value)["config-keys"]?.join(", ") ?? "?"
    );
    const at = head.entries[firstDiffering]?.lineOffset ?? headText.length;
    problems.push(
      head.positions.problem(
        "history_deleted",
        at,
        `${head.positions.file} entries were deleted: ${plural(removed.length, "history entry", "history entries")} (base line ${removed[0].line}: ${keys.slice(0, 3).join("; ")}${keys.length > 3 ? "; \u2026" : ""}) ${removed.length === 1 ? "was" : "were"} deleted here; the history is append-only: restore ${removed.length === 1 ? "it" : "them"} exactly.`
      )
    );
    return { additions: [], corrections: [], problems };
  }
  const corrections = [];
  const changed = [];
  for (let i = 0; i < shared; i++) {
    const baseEntry = base.entries[i];
    const headEntry = head.entries[i];
    if (deepEqual(baseEntry.value, headEntry.value)) continue;
    const fields = differingFields(baseEntry.value, headEntry.value);
    if (fields.length === 1 && fields[0] === "pr-link") {
      corrections.push(headEntry);
      const link2 = asRecord(headEntry.value)["pr-link"];
      const linkField = headEntry.fields.get("pr-link");
      if (repo !== void 0 && (typeof link2 !== "string" || !isCanonicalLink(link2, repo))) {
        problems.push(
          head.positions.problem(
            "correction_not_canonical",
            linkField?.valueOffset ?? headEntry.lineOffset,
            `entry ${i + 1} pr-link correction is not canonical: ${JSON.stringify(link2)}; a correction must be a canonical link, ${pullRequestUrl(repo, "<number>")}.`
          )
        );
      }
      continue;
    }
    changed.push(headEntry);
    if (changed.length <= MAX_CHANGED_ENTRY_REPORTS) {
      const shown2 = fields.filter((f) => f !== "pr-link");
      const at = firstDifference(base, head, baseEntry, headEntry, shown2[0] ?? "");
      const baseAt = base.positions.at(at.base);
      problems.push(
        head.positions.problem(
          "history_entry_changed",
          at.head,
          `entry ${i + 1} changed; existing entries are immutable except for pr-link-only corrections: its ${shown2.join(", ")} differs from the base here (base line ${baseAt.line}, column ${baseAt.column}: ${quoteExcerpt(base.positions.lineText(baseAt.line))}); restore it and describe the change in a new entry at the end of the file.`
        )
      );
    }
  }
  if (changed.length > MAX_CHANGED_ENTRY_REPORTS) {
    const first = changed[MAX_CHANGED_ENTRY_REPORTS];
    problems.push(
      head.positions.problem(
        "history_entry_changed",
        first.lineOffset,
        `${plural(changed.length - MAX_CHANGED_ENTRY_REPORTS, "more history entry", "more history entries")} differ from the base, from here on; restore the base text.`
      )
    );
  }
  if (head.entries.length < base.entries.length) {
    problems.push(
      head.positions.problem(
        "history_deleted",
        headText.length,
        `${head.positions.file} entries were deleted: ${plural(base.entries.length - head.entries.length, "history entry", "history entries")} of the base are missing (base ${base.entries.length}, here ${head.entries.length}); the history is append-only: restore them.`
      )
    );
  }
  const additions = head.entries.slice(base.entries.length);
  if (corrections.length > 0 && additions.length > 0) {
    problems.push(
      head.positions.problem(
        "corrections_mixed_with_additions",
        additions[0].lineOffset,
        `do not mix historical pr-link corrections with new changelog entries: this change corrects the pr-link of ${plural(corrections.length, "history entry", "history entries")} (line ${corrections[0].line}) and also adds entries; make the correction and the new entries separate pull requests.`
      )
    );
  }
  if (changed.length === 0 && head.entries.length >= base.entries.length) {
    const baseLines = baseText.split("\n");
    const headLines = headText.split("\n");
    if (corrections.length > 0 && additions.length === 0) {
      if (baseLines.length !== headLines.length) {
        problems.push(
          head.positions.problem(
            "correction_line",
            partOffset,
            `pr-link corrections may not add or delete lines (base ${baseLines.length - 1}, here ${headLines.length - 1}); change only the '  pr-link:' line.`
          )
        );
      } else {
        let linkLinesChanged = 0;
        baseLines.forEach((baseLine, i) => {
          const headLine = headLines[i];
          if (baseLine === headLine) return;
          if (baseLine.startsWith("  pr-link:") && headLine.startsWith("  pr-link:")) {
            linkLinesChanged++;
            return;
          }
          problems.push(
            head.positions.problem(
              "correction_line",
              head.positions.lineStart(i + 1),
              `historical bytes changed outside a pr-link line at line ${i + 1} (base: ${quoteExcerpt(baseLine)}); a correction changes pr-link lines only: restore this line.`
            )
          );
        });
        if (linkLinesChanged !== corrections.length && !problems.some((p) => p.code === "correction_line")) {
          problems.push(
            head.positions.problem(
              "correction_line",
              partOffset,
              `expected ${corrections.length} changed pr-link line(s), found ${linkLinesChanged}, for ${plural(corrections.length, "corrected entry", "corrected entries")}; change exactly one pr-link line per corrected entry.`
            )
          );
        }
      }
    } else if (corrections.length === 0) {
      const column = head.positions.at(prefix).column;
      const show3 = (line) => line.length < column ? "the line end" : quoteExcerpt(line.slice(column - 1), 30);
      const baseLine = baseLines[partLine - 1] ?? "";
      const headLine = headLines[partLine - 1] ?? "";
      const lead = additions.length > 0 ? `appended entries changed historical ${head.positions.file} bytes` : "changelog diff has no appended entry or pr-link correction; historical whitespace and formatting are immutable";
      problems.push(
        head.positions.problem(
          "history_reformatted",
          prefix,
          `${lead}: line ${partLine} differs from the base only in formatting, from column ${column} (base has ${show3(baseLine)}, here ${show3(headLine)}); history bytes are immutable: restore the line exactly.`
        )
      );
    }
  }
  return { additions, corrections, problems };
}

// src/core/changelog/linediff.ts
var MAX_EDITS = 1e3;
function splitLines(bytes) {
  let count2 = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) count2++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) count2++;
  const starts = new Int32Array(count2);
  const ends = new Int32Array(count2);
  const hashes = new Int32Array(count2);
  let line = 0;
  let start = 0;
  let hash = 2166136261;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    hash = Math.imul(hash ^ b, 16777619);
    if (b === 10 || i === bytes.length - 1) {
      starts[line] = start;
      ends[line] = i + 1;
      hashes[line] = hash;
      line++;
      start = i + 1;
      hash = 2166136261;
    }
  }
  return { bytes, starts, ends, hashes };
}
function sameLine(a, i, b, j) {
  if (a.hashes[i] !== b.hashes[j]) return false;
  const aStart = a.starts[i];
  const bStart = b.starts[j];
  const length = a.ends[i] - aStart;
  if (b.ends[j] - bStart !== length) return false;
  for (let k = 0; k < length; k++) if (a.bytes[aStart + k] !== b.bytes[bStart + k]) return false;
  return true;
}
function matchMiddle(a, b, from, aEnd, bEnd) {
  const n = aEnd - from;
  const m = bEnd - from;
  const same = (x, y) => sameLine(a, from + x, b, from + y);
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(x, y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        const pairs = [];
        let cx = n;
        let cy = m;
        for (let back = d; back > 0; back--) {
          const prev = trace[back];
          const ck = cx - cy;
          const down = ck === -back || ck !== back && prev[offset + ck - 1] < prev[offset + ck + 1];
          const pk = down ? ck + 1 : ck - 1;
          const px = prev[offset + pk];
          const py = px - pk;
          while (cx > (down ? px : px + 1) && cy > (down ? py + 1 : py)) pairs.push([from + --cx, from + --cy]);
          cx = px;
          cy = py;
        }
        while (cx > 0 && cy > 0) pairs.push([from + --cx, from + --cy]);
        return pairs;
      }
    }
  }
  return void 0;
}
function writtenLines(base, head) {
  const a = splitLines(base);
  const b = splitLines(head);
  const aCount = a.starts.length;
  const bCount = b.starts.length;
  let prefix = 0;
  while (prefix < aCount && prefix < bCount && sameLine(a, prefix, b, prefix)) prefix++;
  let suffix = 0;
  while (suffix < aCount - prefix && suffix < bCount - prefix && sameLine(a, aCount - 1 - suffix, b, bCount - 1 - suffix))
    suffix++;
  const written = new Uint8Array(bCount + 1);
  written.fill(1, prefix + 1, bCount - suffix + 1);
  for (const [, y] of matchMiddle(a, b, prefix, aCount - suffix, bCount - suffix) ?? []) written[y + 1] = 0;
  let size = 0;
  for (const flag of written) size += flag;
  return { has: (line) => written[line] === 1, size };
}

// src/core/changelog/schema.ts
var SCENARIO_TYPES = ["fixed-seq-len", "agentic-coding"];
var ENTRY_FIELDS = [
  "config-keys",
  "description",
  "pr-link",
  "evals-only",
  "all-evals",
  "append-only",
  "eval-min-prefill-ep",
  "scenario-type"
];
var REQUIRED_FIELDS = ["config-keys", "description", "pr-link"];
function describe(value) {
  if (value === null || value === void 0) return "empty";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
function checkEntrySchema(entry, positions) {
  const problems = [];
  const label = `entry ${entry.index + 1}`;
  const value = entry.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    problems.push(
      positions.problem(
        "entry_not_mapping",
        entry.lineOffset,
        `${label} is not a mapping: it is ${describe(value)}; an entry is a mapping with config-keys, description and pr-link.`
      )
    );
    return { appendOnly: false, problems };
  }
  const record2 = value;
  const keyAt = (key) => entry.fields.get(key)?.keyOffset ?? entry.lineOffset;
  const valueAt = (key) => entry.fields.get(key)?.valueOffset ?? keyAt(key);
  const lead = `${label} fails ChangelogEntry validation`;
  const invalid = (key, message, offset = valueAt(key)) => problems.push(positions.problem("invalid_field", offset, `${lead}: ${key} ${message}`));
  for (const key of Object.keys(record2)) {
    if (ENTRY_FIELDS.includes(key)) continue;
    const near = closestNames(key, ENTRY_FIELDS, 1);
    problems.push(
      positions.problem(
        "unknown_field",
        keyAt(key),
        `${lead}: unknown key '${key}'${near.length > 0 ? `; did you mean '${near[0]}'?` : ""} Allowed keys: ${ENTRY_FIELDS.join(", ")}.`
      )
    );
  }
  for (const key of REQUIRED_FIELDS) {
    if (!(key in record2)) {
      const example = key === "pr-link" ? `  pr-link: https://github.com/<owner>/<repo>/pull/<number>` : `  ${key}:
    - ...`;
      problems.push(
        positions.problem(
          "missing_field",
          entry.lineOffset,
          `${lead}: no '${key}'; add it (${JSON.stringify(example)}).`
        )
      );
    }
  }
  const stringList = (key) => {
    if (!(key in record2)) return void 0;
    const list = record2[key];
    if (!Array.isArray(list) || list.length === 0) {
      invalid(key, `is ${describe(list)}; it must be a non-empty list of strings (one '- item' per line).`);
      return void 0;
    }
    let ok = true;
    list.forEach((item, i) => {
      if (typeof item !== "string") {
        ok = false;
        invalid(
          key,
          `item ${i + 1} is ${describe(item)}; quote it so YAML reads a string.`,
          entry.fields.get(key)?.itemOffsets[i] ?? valueAt(key)
        );
      }
    });
    return ok ? list : void 0;
  };
  const configKeys = stringList("config-keys");
  const description = stringList("description");
  const prLink = record2["pr-link"];
  if ("pr-link" in record2 && typeof prLink !== "string")
    invalid(
      "pr-link",
      `is ${describe(prLink)}; it must be a string such as https://github.com/<owner>/<repo>/pull/<number>.`
    );
  const flag = (key) => {
    const flagValue = record2[key];
    if (flagValue === void 0) return false;
    if (typeof flagValue !== "boolean") {
      invalid(key, `is ${describe(flagValue)}; it must be true or false (unquoted).`);
      return false;
    }
    return flagValue;
  };
  const evalsOnly = flag("evals-only");
  const allEvals = flag("all-evals");
  const appendOnly = flag("append-only");
  let evalMinPrefillEp;
  const ep = record2["eval-min-prefill-ep"];
  if (ep !== void 0 && ep !== null) {
    if (typeof ep !== "number" || !Number.isInteger(ep) || ep < 1)
      invalid("eval-min-prefill-ep", `is ${describe(ep)}; it must be an integer of at least 1.`);
    else evalMinPrefillEp = ep;
  }
  let scenarioType;
  if (record2["scenario-type"] !== void 0 && record2["scenario-type"] !== null) {
    scenarioType = stringList("scenario-type");
    scenarioType?.forEach((scenario, i) => {
      if (!SCENARIO_TYPES.includes(scenario)) {
        const near = closestNames(scenario, SCENARIO_TYPES, 1);
        invalid(
          "scenario-type",
          `item ${i + 1} is '${scenario}'; allowed: ${SCENARIO_TYPES.join(", ")}${near.length > 0 ? ` (did you mean '${near[0]}'?)` : ""}.`,
          entry.fields.get("scenario-type")?.itemOffsets[i]
        );
      }
    });
  }
  if (appendOnly && (evalsOnly || allEvals || ep !== void 0 && ep !== null)) {
    const used = [
      evalsOnly && "evals-only",
      allEvals && "all-evals",
      ep !== void 0 && ep !== null && "eval-min-prefill-ep"
    ].filter(Boolean).join(", ");
    problems.push(
      positions.problem(
        "append_only_with_evals",
        keyAt("append-only"),
        `append-only cannot be combined with eval selection (${used}) in ${label}: an append-only entry adds throughput points only. Drop one of them.`
      )
    );
  }
  const link2 = typeof prLink === "string" ? prLink : void 0;
  const partial = { configKeys, prLink: link2, appendOnly, problems };
  if (problems.length > 0 || !configKeys || !description || link2 === void 0) return partial;
  return {
    ...partial,
    entry: { configKeys, description, prLink: link2, evalsOnly, allEvals, appendOnly, evalMinPrefillEp, scenarioType }
  };
}

// src/core/changelog/validate.ts
function changeTouchesChangelog(base, head) {
  if (base.length !== head.length) return true;
  for (let i = 0; i < base.length; i++) if (base[i] !== head[i]) return true;
  return false;
}
function isPrefix(prefix, of) {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== of[i]) return false;
  return true;
}
function baseFromHead(input, head) {
  const { base } = input;
  if (!head.entries || head.problems.length > 0 || base.length === 0 || base[base.length - 1] !== 10 || !isPrefix(base, input.head))
    return void 0;
  const text = head.positions.text.slice(0, new TextDecoder("utf-8", { ignoreBOM: true }).decode(base).length);
  const entries = head.entries.filter((entry) => entry.lineOffset < text.length);
  const last = entries[entries.length - 1];
  if (!last) return void 0;
  const lastAlone = parseChangelog(
    input.baseLabel,
    new TextEncoder().encode(text.slice(last.lineOffset)),
    input.maxBytes
  );
  const lastValue = lastAlone.entries?.[0]?.value;
  if (lastAlone.problems.length > 0 || lastAlone.entries?.length !== 1) return void 0;
  return {
    positions: new SourcePositions(input.baseLabel, text),
    entries: [...entries.slice(0, -1), { ...last, value: lastValue }],
    problems: []
  };
}
var BYTE_CODES = /* @__PURE__ */ new Set([
  "missing_final_newline",
  "not_utf8",
  "carriage_return",
  "tab_character",
  "nul_byte"
]);
function validateChangelogChange(input) {
  const problems = [];
  const unchanged = !changeTouchesChangelog(input.base, input.head);
  const written = unchanged ? { has: () => false } : writtenLines(input.base, input.head);
  const onWrittenLine = (problem) => written.has(problem.line);
  const head = parseChangelog(input.file, input.head, input.maxBytes, (line) => written.has(line));
  const base = unchanged ? { ...head, problems: [] } : baseFromHead(input, head) ?? parseChangelog(input.baseLabel, input.base, input.maxBytes);
  if (head.entries) {
    problems.push(...head.problems.filter(onWrittenLine));
  } else {
    const reasons = head.problems.filter((p) => onWrittenLine(p) || !BYTE_CODES.has(p.code));
    problems.push(...reasons.length > 0 ? reasons : head.problems);
  }
  if (!base.entries && base.problems.length > 0) {
    problems.push(
      ...base.problems.map((p) => ({
        ...p,
        message: `${p.message} (in the base version, so the change could not be compared with it; fix the base branch first)`
      }))
    );
  }
  const schemaChecks = /* @__PURE__ */ new Map();
  for (const entry of head.entries ?? []) {
    const checked = checkEntrySchema(entry, head.positions);
    const kept = base.entries?.[entry.index];
    const asInBase = kept !== void 0 && deepEqual(kept.value, entry.value);
    problems.push(...asInBase ? checked.problems.filter(onWrittenLine) : checked.problems);
    schemaChecks.set(entry, checked);
  }
  const verdict = {
    problems,
    newEntries: [],
    corrections: 0,
    triggeredConfigs: [],
    baseEntryCount: base.entries?.length,
    headEntryCount: head.entries?.length
  };
  if (!head.entries || !base.entries) {
    verdict.problems = sortProblems(problems);
    return verdict;
  }
  const history = compareHistory(
    { positions: base.positions, entries: base.entries },
    { positions: head.positions, entries: head.entries },
    input.link.repo
  );
  problems.push(...history.problems);
  verdict.corrections = history.corrections.length;
  const repo = input.link.repo;
  if (repo === void 0 && (history.additions.length > 0 || history.corrections.length > 0)) {
    const first = history.additions[0] ?? history.corrections[0];
    problems.push(
      head.positions.problem(
        "repository_unknown",
        first?.fields.get("pr-link")?.valueOffset ?? first?.lineOffset ?? 0,
        "cannot check pr-link: the repository is unknown; set the repo option (owner/name) or GITHUB_REPOSITORY."
      )
    );
  }
  const additions = history.additions.map((source) => ({ source, entry: schemaChecks.get(source) }));
  const appendOnly = additions.filter((a) => a.entry.appendOnly);
  if (appendOnly.length > 0 && appendOnly.length < additions.length) {
    const regular = additions.find((a) => !a.entry.appendOnly);
    const flagged = appendOnly[0];
    problems.push(
      head.positions.problem(
        "append_only_mixed",
        flagged.source.fields.get("append-only")?.keyOffset ?? flagged.source.lineOffset,
        `append-only entry ${flagged.source.index + 1} is added together with regular entry ${regular.source.index + 1} (line ${regular.source.line}); an append-only sweep cannot share a change with regular entries: split them into two pull requests.`
      )
    );
  }
  const triggered = /* @__PURE__ */ new Set();
  for (const { source, entry } of additions) {
    if (repo !== void 0 && entry.prLink !== void 0) {
      const linkProblem = addedLinkProblem(entry.prLink, { repo, prNumber: input.link.prNumber });
      if (linkProblem)
        problems.push(
          head.positions.problem(
            "pr_link",
            source.fields.get("pr-link")?.valueOffset ?? source.lineOffset,
            linkProblem
          )
        );
    }
    const expanded = [];
    if (input.masterConfigs && entry.configKeys) {
      const keys = input.masterConfigs.keys;
      entry.configKeys.forEach((pattern, i) => {
        const matched = expandConfigKey(pattern, keys.keys());
        expanded.push({ pattern, keys: matched });
        if (matched.length === 0) {
          problems.push(
            head.positions.problem(
              "config_key_unmatched",
              source.fields.get("config-keys")?.itemOffsets[i] ?? source.lineOffset,
              unmatchedKeyMessage(pattern, keys.keys(), input.configsLabel)
            )
          );
        }
        for (const key of matched) triggered.add(key);
      });
    }
    if (entry.entry) verdict.newEntries.push({ line: source.line, index: source.index, entry: entry.entry, expanded });
  }
  if (additions.length > 0 && input.masterConfigs) problems.push(...input.masterConfigs.problems);
  verdict.triggeredConfigs = [...triggered];
  verdict.problems = sortProblems(problems);
  return verdict;
}

// src/io/bytes.ts
import { open as open2, stat } from "node:fs/promises";
var FileTooLargeError = class extends Error {
  constructor(path, size, maxBytes) {
    super(
      `${path} is ${size.toLocaleString("en-US")} bytes, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB limit`
    );
    this.path = path;
    this.size = size;
    this.maxBytes = maxBytes;
  }
  path;
  size;
  maxBytes;
};
async function readBytesBounded(path, maxBytes) {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a regular file`);
  if (info.size > maxBytes) throw new FileTooLargeError(path, info.size, maxBytes);
  const handle = await open2(path, "r");
  try {
    const buffer = Buffer.alloc(info.size + 1);
    let filled = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new FileTooLargeError(path, filled, maxBytes);
      if (filled === buffer.length) break;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

// src/io/git.ts
import { execFile } from "node:child_process";
var GitReadError = class extends Error {
};
function git(cwd, args, maxBytes) {
  return new Promise((resolvePromise, reject) => {
    execFile(
      "git",
      args,
      { cwd, encoding: "buffer", maxBuffer: maxBytes, windowsHide: true },
      (error, stdout, stderr) => {
        const errorCode = error?.code;
        if (errorCode === "ENOENT")
          return reject(
            new GitReadError(
              "git is not installed or not on PATH; install git, or give the base-file and head-file options."
            )
          );
        if (errorCode === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER")
          return reject(new GitReadError(`git output exceeded ${maxBytes} bytes`));
        resolvePromise({
          stdout,
          stderr: stderr.toString("utf8").trim(),
          code: typeof errorCode === "number" ? errorCode : error ? 1 : 0
        });
      }
    );
  });
}
function explain(stderr, ref, path) {
  if (/not a git repository/i.test(stderr))
    return `cannot read ${path} at ${ref}: the working directory is not a git repository; check out the repository, or give the base-file and head-file options.`;
  if (/does not exist in|exists on disk, but not in/i.test(stderr))
    return `${path} does not exist at ${ref}; check the changelog option, or the ref.`;
  if (/invalid object name|unknown revision|bad revision|not a valid object name|ambiguous argument/i.test(stderr)) {
    return `ref '${ref}' does not exist in this repository; fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin <branch>) or pass a commit SHA.`;
  }
  return `cannot read ${path} at ${ref}: ${stderr || "git failed"}`;
}
async function readFileAtRef(cwd, ref, path, maxBytes) {
  if (ref.startsWith("-")) throw new GitReadError(`ref '${ref}' is not a ref name`);
  let spec = `${ref}:./${path.replace(/^\.\//, "")}`;
  let size = await git(cwd, ["cat-file", "-s", spec], 1024);
  if (size.code !== 0 && /relative path syntax/i.test(size.stderr)) {
    spec = `${ref}:${path.replace(/^\.\//, "")}`;
    size = await git(cwd, ["cat-file", "-s", spec], 1024);
  }
  if (size.code !== 0) throw new GitReadError(explain(size.stderr, ref, path));
  const bytes = Number(size.stdout.toString("utf8").trim());
  if (bytes > maxBytes)
    throw new GitReadError(
      `${path} at ${ref} is ${bytes.toLocaleString("en-US")} bytes, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB limit for a changelog; nothing was checked.`
    );
  const shown2 = await git(cwd, ["cat-file", "blob", spec], maxBytes + 1);
  if (shown2.code !== 0) throw new GitReadError(explain(shown2.stderr, ref, path));
  return shown2.stdout;
}
async function listFilesAtRef(cwd, ref, folder) {
  const listed = await git(
    cwd,
    ["ls-tree", "-r", "-z", "--name-only", ref, "--", folder === "" ? "." : folder],
    64 * 1024 * 1024
  );
  if (listed.code !== 0) throw new GitReadError(explain(listed.stderr, ref, folder));
  return listed.stdout.toString("utf8").split("\0").filter((p) => p !== "");
}

// src/commands/validate-changelog.ts
async function findConfigs(cwd, pattern) {
  const found = await findFiles(cwd, pattern, {
    maxFiles: Infinity,
    maxVisited: 1e5,
    skipFolders: [".git", "node_modules"],
    links: "skip",
    globOnly: true,
    confine: false
  });
  return found.files.map((file) => relative(cwd, file).split(sep).join("/")).sort();
}
var DEFAULT_CHANGELOG = "perf-changelog.yaml";
var DEFAULT_CONFIGS = "configs/*-master.yaml";
var MAX_CONFIG_BYTES = 16 * 1024 * 1024;
var MAX_CONFIG_FILES = 64;
var SourceError = class extends Error {
};
async function readSide(options, side, changelog) {
  const file = side === "base" ? options.baseFile : options.headFile;
  if (file !== void 0) {
    try {
      return { bytes: await readBytesBounded(resolve(options.cwd, file), MAX_CHANGELOG_BYTES), label: file };
    } catch (error) {
      if (error instanceof FileTooLargeError)
        throw new SourceError(
          `${file} is ${error.size.toLocaleString("en-US")} bytes, over the ${MAX_CHANGELOG_BYTES / 1024 / 1024} MiB limit for a changelog; nothing was checked.`
        );
      const code = error.code;
      throw new SourceError(
        code === "ENOENT" ? `--${side}-file ${file}: no such file.` : `--${side}-file ${file}: cannot be read (${error.message}).`
      );
    }
  }
  const ref = side === "base" ? options.baseRef : options.headRef ?? "HEAD";
  if (ref === void 0)
    throw new SourceError("no base given: give the base-ref option (e.g. origin/main) or the base-file option.");
  try {
    return {
      bytes: await readFileAtRef(options.cwd, ref, changelog, MAX_CHANGELOG_BYTES),
      label: `${changelog}@${ref}`
    };
  } catch (error) {
    if (error instanceof GitReadError) throw new SourceError(`${side}: ${error.message}`);
    throw error;
  }
}
async function readConfigs(options, pattern) {
  const matcher = globToRegExp(pattern.replace(/^\.\//, ""));
  const fromGit = options.headFile === void 0;
  const ref = options.headRef ?? "HEAD";
  let paths;
  try {
    paths = fromGit ? (await listFilesAtRef(options.cwd, ref, globBase(pattern.replace(/^\.\//, "")))).filter((p) => matcher.test(p)).sort() : await findConfigs(options.cwd, pattern);
  } catch (error) {
    return { problem: `cannot list the master configs '${pattern}': ${error.message}` };
  }
  const where = fromGit ? `at ${ref}` : "in the working tree";
  if (paths.length === 0)
    return {
      problem: `no master config file matches '${pattern}' ${where}, so config keys cannot be checked; set the configs option to the glob of the *-master.yaml files.`
    };
  if (paths.length > MAX_CONFIG_FILES)
    return {
      problem: `'${pattern}' matches ${paths.length} files ${where}; narrow the configs option to the master config files.`
    };
  const sources = [];
  for (const path of paths) {
    try {
      const bytes = fromGit ? await readFileAtRef(options.cwd, ref, path, MAX_CONFIG_BYTES) : await readBytesBounded(resolve(options.cwd, path), MAX_CONFIG_BYTES);
      sources.push({ file: path, text: new TextDecoder("utf-8").decode(bytes) });
    } catch (error) {
      return { problem: `cannot read master config ${path} ${where}: ${error.message}` };
    }
  }
  return { keys: readMasterConfigKeys(sources) };
}
function formatProblem(problem) {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
async function runValidateChangelog(options) {
  const changelog = options.changelog ?? DEFAULT_CHANGELOG;
  const file = options.headFile ?? changelog;
  const configsPattern = options.configs ?? DEFAULT_CONFIGS;
  const log = { stdout: [], stderr: [] };
  const fail2 = (problems2, verdict2) => {
    for (const problem of problems2) log.stderr.push(formatProblem(problem));
    log.stderr.push(
      `${file}: ${problems2.length === 1 ? "1 problem" : `${problems2.length} problems`}; the change is rejected.`
    );
    return { ok: false, exitCode: 1, file, verdict: verdict2, problems: problems2, triggeredConfigs: [], log };
  };
  let base;
  let head;
  try {
    base = await readSide(options, "base", changelog);
    head = await readSide(options, "head", changelog);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return fail2([{ code: "changelog_unreadable", file, line: 1, column: 1, message: error.message }]);
  }
  let masterConfigs;
  const extra = [];
  if (changeTouchesChangelog(base.bytes, head.bytes)) {
    const configs2 = await readConfigs(options, configsPattern);
    masterConfigs = configs2.keys;
    if (configs2.problem)
      extra.push({ code: "master_configs_missing", file, line: 1, column: 1, message: configs2.problem });
  }
  const verdict = validateChangelogChange({
    file,
    baseLabel: base.label === file ? `${file} (base)` : base.label,
    base: base.bytes,
    head: head.bytes,
    link: { repo: options.repo, prNumber: options.prNumber },
    masterConfigs,
    configsLabel: configsPattern
  });
  const problems = sortProblems([...verdict.problems, ...verdict.newEntries.length > 0 ? extra : []]);
  if (options.outputConfigs)
    await writeFileAtomic(
      resolve(options.cwd, options.outputConfigs),
      `${JSON.stringify(problems.length > 0 ? [] : verdict.triggeredConfigs)}
`
    );
  if (problems.length > 0) return fail2(problems, { ...verdict, problems });
  const entries = verdict.newEntries.length;
  const configs = verdict.triggeredConfigs;
  const summary = entries > 0 ? `${file}: OK; ${entries === 1 ? "1 new entry" : `${entries} new entries`}; ${configs.length === 1 ? "1 config" : `${configs.length} configs`} triggered: ${configs.join(", ")}` : verdict.corrections > 0 ? `${file}: OK; ${verdict.corrections === 1 ? "1 pr-link correction" : `${verdict.corrections} pr-link corrections`}, no new entries` : `${file}: OK; no change to the changelog`;
  log.stdout.push(summary);
  return { ok: true, exitCode: 0, file, verdict, problems: [], triggeredConfigs: verdict.triggeredConfigs, log };
}

// src/commands/aggregate.options.ts
var aggregateSchema = {
  mode: "aggregate",
  summary: "Measured GPU power over the benchmark window, patched into the agg JSON.",
  options: [
    BENCH_RESULT,
    AGG_RESULT,
    // Any integer, as the reference takes it: zero or negative gives an audit record (invalid_expected_gpu_count).
    {
      name: "expected-num-gpus",
      kind: KINDS.integer,
      placeholder: "N",
      required: "the node GPU count, TP x PP x PCP",
      help: "GPUs of the node: TP x PP x PCP"
    },
    TELEMETRY_CSV,
    VALIDATION_RESULT,
    MAX_SAMPLE_GAP,
    REQUIRE_POWER,
    AGG_INSIGHTS
  ],
  build: (v) => ({
    csv: str(v, "csv"),
    benchResult: str(v, "bench-result"),
    aggResult: str(v, "agg-result"),
    expectedNumGpus: num(v, "expected-num-gpus"),
    validationResult: str(v, "validation-result"),
    maxSampleGapS: num(v, "max-sample-gap"),
    requirePower: bool(v, "require-power"),
    aggInsights: bool(v, "agg-insights")
  })
};

// src/commands/aggregate-multinode.options.ts
var aggregateMultinodeSchema = {
  mode: "aggregate-multinode",
  summary: "Multinode power package (manifest.json, samples.csv, windows/) -> whole-deployment and role energy, patched into the agg JSON.",
  options: [
    BENCH_RESULT,
    AGG_RESULT,
    {
      name: "prefill-gpus",
      kind: KINDS.count,
      placeholder: "N",
      required: "PREFILL_GPUS",
      help: "PREFILL_GPUS (all GPUs of an aggregated run)"
    },
    {
      name: "decode-gpus",
      kind: KINDS.count,
      placeholder: "N",
      required: "DECODE_GPUS, 0 when aggregated",
      help: "DECODE_GPUS (0: aggregated, no decode pool)"
    },
    {
      name: "power-dir",
      kind: KINDS.string,
      placeholder: "DIR",
      help: "power package (default: $POWER_ARTIFACT_DIR or LOGS/power)"
    },
    {
      name: "logs-root",
      kind: KINDS.string,
      placeholder: "DIR",
      help: "where window result_path values resolve (default: $POWER_RESULT_ROOT or LOGS)"
    },
    {
      name: "expected-producer-sha",
      kind: KINDS.string,
      placeholder: "SHA",
      help: "trusted producer commit (default: $POWER_PRODUCER_SHA)"
    },
    VALIDATION_RESULT,
    REQUIRE_POWER
  ],
  build: (v) => ({
    benchResult: str(v, "bench-result"),
    aggResult: str(v, "agg-result"),
    prefillGpus: num(v, "prefill-gpus"),
    decodeGpus: num(v, "decode-gpus"),
    powerDir: str(v, "power-dir"),
    logsRoot: str(v, "logs-root"),
    expectedProducerSha: str(v, "expected-producer-sha"),
    validationResult: str(v, "validation-result"),
    requirePower: bool(v, "require-power")
  })
};

// src/commands/job.options.ts
var days = {
  expected: "a whole number of days from 1 to 90",
  parse: (text) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 90 ? Number(text) : void 0
};
var artifactPrefix = {
  expected: 'a prefix without " : < > | * ? \\ / or line breaks',
  parse: (text) => /[":<>|*?\r\n\\/]/.test(text) ? void 0 : text
};
var jobSchema = {
  mode: "job",
  summary: "The per-job step: finds the bench result, telemetry and power package in the job folder, writes or patches the agg JSON, writes the job summary and (in the action) uploads the artifacts (see docs/job-step.md).",
  options: [
    {
      name: "workspace",
      kind: KINDS.string,
      placeholder: "DIR",
      only: "cli",
      help: "the job folder (default: the working folder)"
    },
    {
      name: "gpu-metrics",
      kind: KINDS.string,
      placeholder: "PATH_OR_GLOB",
      help: "telemetry CSV inside the job folder (default: $GPU_METRICS_CSV, ./gpu_metrics.csv, /workspace/gpu_metrics.csv)"
    },
    {
      name: "result-filename",
      kind: KINDS.string,
      placeholder: "NAME",
      help: "bench result NAME.json (default: $RESULT_FILENAME, else the one *.json with benchmark_start_time_unix)"
    },
    // Any integer, as in mode aggregate: zero or negative gives the audit record invalid_expected_gpu_count.
    {
      name: "expected-num-gpus",
      kind: KINDS.integer,
      placeholder: "N",
      help: "GPUs of the node, used when the agg JSON exists (default: TP x PP_SIZE x PCP_SIZE)"
    },
    MAX_SAMPLE_GAP,
    REQUIRE_POWER,
    { ...VISUALIZER_URL, only: "action" },
    {
      name: "upload",
      kind: KINDS.boolean,
      default: "true",
      only: "action",
      help: "upload the bmk_ and power_audit_ artifacts"
    },
    {
      name: "retention-days",
      kind: days,
      placeholder: "DAYS",
      only: "action",
      help: "artifact retention in days (default: the repository setting)"
    },
    {
      name: "artifact-prefix",
      kind: artifactPrefix,
      default: "",
      only: "action",
      help: "prefix for the artifact names"
    }
  ],
  build: (v) => ({
    workspace: str(v, "workspace"),
    gpuMetrics: str(v, "gpu-metrics"),
    resultFilename: str(v, "result-filename"),
    expectedNumGpus: num(v, "expected-num-gpus"),
    maxSampleGapS: num(v, "max-sample-gap"),
    requirePower: bool(v, "require-power"),
    visualizerUrl: str(v, "visualizer-url"),
    upload: bool(v, "upload"),
    retentionDays: num(v, "retention-days"),
    artifactPrefix: str(v, "artifact-prefix") ?? ""
  })
};

// src/commands/process-result.options.ts
var processResultSchema = {
  mode: "process-result",
  summary: "Benchmark result + job environment -> agg_<RESULT_FILENAME>.json, then measured power (single node: the telemetry CSV; multinode: the power package). Reads RUNNER_TYPE, FRAMEWORK, PRECISION, SPEC_DECODING, RESULT_FILENAME, ISL, OSL, DISAGG, MODEL_PREFIX, IMAGE, TP/EP_SIZE/DP_ATTENTION or IS_MULTINODE=true with PREFILL_*/DECODE_* (see docs/process-result-env.md).",
  options: [
    {
      name: "result-dir",
      kind: KINDS.string,
      placeholder: "DIR",
      help: "folder of <RESULT_FILENAME>.json and the outputs (default: the working folder)"
    },
    TELEMETRY_CSV,
    MAX_SAMPLE_GAP,
    REQUIRE_POWER
  ],
  build: (v) => ({
    resultDir: str(v, "result-dir"),
    csv: str(v, "csv"),
    maxSampleGapS: num(v, "max-sample-gap"),
    requirePower: bool(v, "require-power")
  })
};

// src/core/report/gate.ts
var DEFAULT_LABELS = [
  "sweep-enabled",
  "full-sweep-enabled",
  "non-canary-full-sweep-enabled",
  "full-sweep-fail-fast",
  "full-sweep-fail-fast-no-canary"
];
function headMismatch(pullRequest, run) {
  const short = (sha) => sha === void 0 ? "unknown" : `\`${sha.replace(/[^0-9a-fA-F]/g, "").slice(0, 12)}\``;
  const name = (repo) => repo === void 0 ? "unknown" : `\`${repo.replace(/[^\w./-]/g, "_")}\``;
  if (!run.headSha)
    return `the workflow_run event names no head commit, so pull request #${pullRequest.number} cannot be checked against it`;
  if (pullRequest.headSha !== run.headSha) {
    return `pull request #${pullRequest.number} has head ${short(pullRequest.headSha)}, but the triggering run built ${short(run.headSha)}: the number does not belong to this run`;
  }
  if (run.headRepository !== void 0 && pullRequest.headRepository !== run.headRepository) {
    return `pull request #${pullRequest.number} comes from ${name(pullRequest.headRepository)}, but the triggering run built ${name(run.headRepository)}: the number does not belong to this run`;
  }
  return void 0;
}
function parseLabels(input) {
  return input.split(/[,\n]/).map((l) => l.trim()).filter((l) => l !== "");
}
function labelNames(labels) {
  if (!Array.isArray(labels)) return [];
  return labels.map(
    (l) => typeof l === "string" ? l : typeof l === "object" && l !== null ? String(l.name ?? "") : ""
  ).filter((n) => n !== "");
}
function pullRequestFromEvent(payload) {
  const pr = payload.pull_request;
  if (!pr || typeof pr.number !== "number") return void 0;
  return { number: pr.number, draft: pr.draft === true, labels: labelNames(pr.labels) };
}
function gateComment(eventName, pullRequest, requiredLabels) {
  if (eventName !== "pull_request" && eventName !== "workflow_run") {
    return {
      comment: false,
      why: `the event is \`${eventName || "unknown"}\`; the report comments only on pull requests`
    };
  }
  if (!pullRequest) return { comment: false, why: "the event carries no pull request" };
  if (pullRequest.draft) return { comment: false, why: `pull request #${pullRequest.number} is a draft` };
  if (requiredLabels.length > 0 && !pullRequest.labels.some((l) => requiredLabels.includes(l))) {
    return {
      comment: false,
      why: `pull request #${pullRequest.number} has none of the labels ${requiredLabels.map((l) => `\`${l}\``).join(", ")}`
    };
  }
  return { comment: true, pullRequest };
}

// src/commands/report.options.ts
var MAX_THRESHOLD_PERCENT = 1e3;
var PERCENT = {
  expected: `a percentage from 0 to ${MAX_THRESHOLD_PERCENT} such as 5`,
  parse: (text) => {
    const digits = text.trim().replace(/\s*%$/, "");
    return /^\d+(\.\d+)?$/.test(digits) && Number(digits) <= MAX_THRESHOLD_PERCENT ? Number(digits) / 100 : void 0;
  }
};
var BASELINE_HISTORY = {
  expected: "a whole number of runs from 1 to 20",
  parse: (text) => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 20 ? Number(text) : void 0
};
var reportSchema = {
  mode: "report",
  summary: "The sweep's power report as markdown, as the pull request comment shows it.",
  options: [
    {
      name: "results",
      kind: KINDS.string,
      placeholder: "DIR_OR_GLOB",
      required: "a folder or glob of agg JSONs, e.g. the downloaded bmk_* artifacts",
      help: "folder of agg JSONs (searched recursively) or a glob"
    },
    { name: "run-id", kind: KINDS.runId, placeholder: "N", help: "workflow run id for the visualizer links" },
    VISUALIZER_URL,
    {
      name: "out",
      kind: KINDS.string,
      placeholder: "FILE",
      only: "cli",
      help: "write the markdown here instead of stdout"
    },
    {
      name: "comment-key",
      kind: KINDS.string,
      env: "GITHUB_WORKFLOW",
      default: "sweep-power",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: action.yml's default is a workflow expression, kept verbatim
      actionDefault: "${{ github.workflow }}",
      only: "action",
      help: "key of the hidden marker that makes the comment sticky"
    },
    {
      name: "labels",
      kind: KINDS.string,
      default: DEFAULT_LABELS.join(", "),
      emptyIsValue: true,
      only: "action",
      help: "comment only on pull requests carrying one of these labels; empty: every pull request"
    },
    {
      name: "github-token",
      kind: KINDS.string,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: action.yml's default is a workflow expression, kept verbatim
      actionDefault: "${{ github.token }}",
      only: "action",
      help: "token for the comment"
    },
    {
      name: "pr-number",
      kind: KINDS.positiveInteger,
      placeholder: "N",
      only: "action",
      help: "pull request to comment on when the event does not carry one"
    },
    {
      name: "baseline",
      kind: KINDS.string,
      placeholder: "DIR_OR_GLOB",
      help: "agg JSONs (and their power_validation_* sidecars) to compare with: deltas and regression verdicts; the action also takes `auto` (the base branch's latest successful runs of this workflow)"
    },
    {
      name: "baseline-history",
      kind: BASELINE_HISTORY,
      placeholder: "N",
      default: "5",
      only: "action",
      help: "with baseline auto: how many successful base-branch runs to read; their spread widens the tolerance"
    },
    {
      name: "threshold",
      kind: PERCENT,
      placeholder: "PCT",
      default: "5",
      help: "change in J/output-token (percent) never called a regression or improvement below this"
    },
    {
      name: "fail-on-regression",
      kind: KINDS.boolean,
      default: "false",
      only: "action",
      help: "fail the step when a config regressed beyond its tolerance, after the comment is written"
    },
    {
      name: "comparison",
      kind: KINDS.string,
      placeholder: "FILE",
      only: "cli",
      help: "write every config's comparison as JSON here"
    }
  ],
  build: (v) => ({
    results: str(v, "results"),
    runId: str(v, "run-id"),
    visualizerUrl: str(v, "visualizer-url"),
    out: str(v, "out"),
    commentKey: str(v, "comment-key"),
    labels: v.labels === void 0 ? void 0 : parseLabels(str(v, "labels")),
    token: str(v, "github-token"),
    prNumber: num(v, "pr-number"),
    baseline: str(v, "baseline"),
    baselineHistory: num(v, "baseline-history"),
    threshold: num(v, "threshold"),
    failOnRegression: bool(v, "fail-on-regression"),
    comparison: str(v, "comparison")
  })
};

// src/commands/validate-changelog.options.ts
var validateChangelogSchema = {
  mode: "validate-changelog",
  summary: "Gate for perf-changelog.yaml changes: file, schema, append-only history, pr-link and config-key rules; prints file:line:col: message per problem, exit 1 on any.",
  options: [
    {
      name: "base-ref",
      kind: KINDS.string,
      placeholder: "REF",
      help: "git ref of the changelog before the change (or base-file)"
    },
    {
      name: "base-file",
      kind: KINDS.string,
      placeholder: "FILE",
      help: "read the base changelog from this file instead of git"
    },
    {
      name: "head-ref",
      kind: KINDS.string,
      placeholder: "REF",
      help: "git ref of the changelog after the change (default: HEAD)"
    },
    {
      name: "head-file",
      kind: KINDS.string,
      placeholder: "FILE",
      help: "read the head changelog from this file (master configs are then read from the working tree)"
    },
    {
      name: "changelog",
      kind: KINDS.string,
      placeholder: "PATH",
      help: `changelog path in the repository (default: ${DEFAULT_CHANGELOG})`
    },
    {
      name: "configs",
      kind: KINDS.string,
      placeholder: "GLOB",
      help: `master config files (default: '${DEFAULT_CONFIGS}'), read at the head ref, or from the working tree with head-file`
    },
    {
      name: "pr-number",
      kind: KINDS.positiveInteger,
      placeholder: "N",
      help: "pull request of the change; without it the main-branch rules apply (canonical pr-links only)"
    },
    {
      name: "repo",
      kind: KINDS.repo,
      placeholder: "OWNER/NAME",
      env: "GITHUB_REPOSITORY",
      help: "repository of the pr-links (default: $GITHUB_REPOSITORY)"
    },
    {
      name: "output-configs",
      kind: KINDS.string,
      placeholder: "FILE",
      help: "write the triggered config keys as a JSON array"
    }
  ],
  check: (v) => {
    const problems = [];
    if (v["base-ref"] === void 0 && v["base-file"] === void 0)
      problems.push({
        kind: "missing-one-of",
        options: ["base-ref", "base-file"],
        what: "the changelog before the change, e.g. origin/main"
      });
    if (v["base-ref"] !== void 0 && v["base-file"] !== void 0)
      problems.push({ kind: "conflict", options: ["base-ref", "base-file"] });
    if (v["head-ref"] !== void 0 && v["head-file"] !== void 0)
      problems.push({ kind: "conflict", options: ["head-ref", "head-file"] });
    return problems;
  },
  build: (v) => ({
    baseRef: str(v, "base-ref"),
    baseFile: str(v, "base-file"),
    headRef: str(v, "head-ref"),
    headFile: str(v, "head-file"),
    changelog: str(v, "changelog"),
    configs: str(v, "configs"),
    prNumber: num(v, "pr-number"),
    repo: str(v, "repo"),
    outputConfigs: str(v, "output-configs")
  })
};

// src/commands/modes.ts
var SCHEMAS = {
  job: jobSchema,
  aggregate: aggregateSchema,
  "process-result": processResultSchema,
  "aggregate-multinode": aggregateMultinodeSchema,
  report: reportSchema,
  "validate-changelog": validateChangelogSchema
};
var MODES = Object.keys(SCHEMAS);
var isMode = (name) => Object.hasOwn(SCHEMAS, name);
var ACTION_INPUTS = [
  {
    name: "mode",
    kind: { expected: `one of: ${MODES.join(", ")}`, parse: (text) => isMode(text) ? text : void 0 },
    default: "job",
    help: "what to run"
  }
];

// src/core/insights/render.ts
var SOURCE_LABEL = {
  dcgm_total_energy: "DCGM total energy counter",
  nvidia_smi_total_energy: "nvidia-smi total energy counter",
  amd_smi_energy_accumulator: "amd-smi energy accumulator",
  energy_counter_column: "energy counter column",
  amd_smi_snapshots: "amd-smi start/end snapshots"
};
var PHASE_LABEL = {
  before: "before (load, warmup)",
  benchmark: "benchmark",
  after: "after (eval, teardown)"
};
var REASON_LABEL = {
  zero_length_phase: "no time in this phase",
  recording_starts_at_or_after_window_start: "recording starts at or after the benchmark start",
  recording_ends_at_or_before_window_end: "recording ends at or before the benchmark end",
  no_power_samples: "no power samples",
  insufficient_power_samples: "too few samples",
  benchmark_window_not_bracketed: "samples do not cover the window",
  out_of_order_samples: "rows out of time order",
  power_value_out_of_range: "power values out of range"
};
function formatNumber(value, digits) {
  if (!Number.isFinite(value)) return "0";
  const text = value.toFixed(digits);
  return text === `-${0 .toFixed(digits)}` ? 0 .toFixed(digits) : text;
}
function grouped(value, digits) {
  const [whole, fraction2] = formatNumber(value, digits).split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction2 !== void 0 ? `${withCommas}.${fraction2}` : withCommas;
}
function cell(value, digits) {
  return value === null ? "\u2013" : grouped(value, digits);
}
function renderPhaseTable(insights, windowStartUnix) {
  const lines = [
    "| Phase | Starts at (s from benchmark start) | Duration (s) | Energy (J) | Avg total power (W) | Note |",
    "|---|---:|---:|---:|---:|---|"
  ];
  for (const phase2 of insights.phases) {
    const note = phase2.reason !== void 0 ? REASON_LABEL[phase2.reason] ?? "see the validation sidecar" : "";
    lines.push(
      `| ${PHASE_LABEL[phase2.name]} | ${cell(phase2.start_unix - windowStartUnix, 1)} | ${cell(phase2.duration_s, 1)} | ${cell(phase2.energy_j, 1)} | ${cell(phase2.avg_total_power_w, 1)} | ${note} |`
    );
  }
  return lines;
}
function renderCounterLine(insights) {
  const counter2 = insights.counter;
  if (!counter2) return "Energy counter: none in the telemetry; energy is the power integral only.";
  const label = SOURCE_LABEL[counter2.source];
  const integral = counter2.integral_energy_j === null ? "no complete power integral to compare with" : `power integral ${grouped(counter2.integral_energy_j, 1)} J`;
  const ratio = counter2.ratio === null ? "ratio \u2013" : `ratio ${formatNumber(counter2.ratio, 3)}`;
  const verdict = counter2.agreement === "ok" ? "agree" : counter2.agreement === "warn" ? "disagree (outside 0.9\u20131.1)" : "counter ignored (outside 0.1\u201310 or no integral)";
  const extras = [
    `${counter2.resets} reset(s)`,
    `${counter2.frozen_intervals} frozen interval(s)`,
    `${counter2.filled_intervals} interval(s) without a reading`
  ];
  if (counter2.scope === "whole_recording") {
    return `Energy counter (${label}, whole recording, not the benchmark window): ${grouped(counter2.energy_j, 1)} J vs ${integral} over the recording, ${ratio}: ${verdict}; ${counter2.resets} GPU(s) whose counter went backwards.`;
  }
  return `Energy counter (${label}): ${grouped(counter2.energy_j, 1)} J vs ${integral}, ${ratio}: ${verdict}; ${extras.join(", ")}.`;
}
function renderContextLines(insights) {
  const lines = [];
  const benchmark = insights.phases.find((p) => p.name === "benchmark");
  const q = insights.quality;
  if (benchmark?.energy_j !== null && benchmark?.energy_j !== void 0 && q.energy_bound_j !== null) {
    lines.push(
      `Benchmark energy: ${grouped(benchmark.energy_j, 1)} J \xB1 ${grouped(q.energy_bound_j, 1)} J (half the gap between upper and lower Riemann sums), ${q.gpus_reporting} GPUs reporting, median sampling interval ${q.median_interval_s === null ? "\u2013" : formatNumber(q.median_interval_s, 3)} s.`
    );
  } else {
    lines.push(`Benchmark energy: not available; ${q.gpus_reporting} GPUs reporting.`);
  }
  if (insights.idle) {
    const above = insights.idle.energy_above_idle_j === null ? "\u2013" : grouped(insights.idle.energy_above_idle_j, 1);
    lines.push(
      `Idle floor: ${grouped(insights.idle.baseline_total_w, 1)} W total (lowest 10 s mean of the recording); benchmark energy above idle: ${above} J.`
    );
  } else {
    lines.push("Idle floor: not available (no 10 s span with every GPU reporting).");
  }
  const limit = insights.power_limit;
  if (limit) {
    const share = limit.share_at_cap === null ? "\u2013" : `${formatNumber(limit.share_at_cap * 100, 1)} %`;
    const source = limit.source === "column" ? "enforced limit from the telemetry" : "nameplate power";
    const implausible = limit.implausible_samples > 0 ? `; ${limit.implausible_samples} sample(s) above 1.7\xD7 the limit (implausible readings)` : "";
    lines.push(
      `Power limit: ${grouped(limit.enforced_w, 0)} W per GPU (${source}); ${share} of in-window samples at \u2265 95 % of it${implausible}.`
    );
  } else {
    lines.push("Power limit: unknown (no limit column and no known GPU name).");
  }
  return lines;
}
function renderPowerChart(insights, windowStartUnix, windowEndUnix) {
  const series2 = insights.power_series;
  if (!series2 || series2.total_w.length === 0) return [];
  const values = series2.total_w.map((w) => w === null ? 0 : w);
  const inWindow = values.map((w, j) => {
    const bucketStart = series2.origin_unix + j * series2.step_s;
    return bucketStart + series2.step_s > windowStartUnix && bucketStart < windowEndUnix ? w : 0;
  });
  const top = Math.max(1, Math.ceil(Math.max(...values) * 1.1 / 100) * 100);
  const span = Math.max(1, series2.step_s * values.length);
  return [
    "```mermaid",
    "xychart-beta",
    '    title "Total GPU power (W); bars mark the benchmark window"',
    `    x-axis "seconds since the first sample" 0 --> ${formatNumber(span, 0)}`,
    `    y-axis "W" 0 --> ${formatNumber(top, 0)}`,
    `    bar [${inWindow.map((w) => formatNumber(w, 1)).join(", ")}]`,
    `    line [${values.map((w) => formatNumber(w, 1)).join(", ")}]`,
    "```"
  ];
}
function renderInsightText(insights, windowStartUnix) {
  return [
    "Where the energy went:",
    ...renderPhaseTable(insights, windowStartUnix),
    renderCounterLine(insights),
    ...renderContextLines(insights)
  ];
}
function renderInsights(insights, windowStartUnix, windowEndUnix) {
  return [
    "#### Where the energy went",
    "",
    ...renderPhaseTable(insights, windowStartUnix),
    "",
    renderCounterLine(insights),
    "",
    ...renderContextLines(insights).flatMap((line) => [line, ""]),
    ...renderPowerChart(insights, windowStartUnix, windowEndUnix)
  ];
}
function withoutCharts(markdown) {
  return markdown.replace(/\n?```mermaid\n[\s\S]*?\n```/g, "");
}

// src/io/power-run.ts
import { resolve as resolve2 } from "node:path";

// src/io/telemetry.ts
import { stat as stat2 } from "node:fs/promises";

// src/io/lines.ts
import { closeSync, openSync, readSync } from "node:fs";
var MAX_LINE_BYTES = 1 << 20;
var READ_BYTES = 1 << 20;
var CR = 13;
var LF = 10;
async function readLineBytes(path, sink) {
  const buf = Buffer.allocUnsafe(MAX_LINE_BYTES + READ_BYTES);
  const fd = openSync(path, "r");
  let filled = 0;
  let lineNo = 0;
  let skipping = false;
  let eof = false;
  const emit = (start, end, unterminated) => {
    lineNo += 1;
    if (end > start && buf[end - 1] === CR) end -= 1;
    for (let cr3 = buf.indexOf(CR, start); cr3 >= 0 && cr3 < end; cr3 = buf.indexOf(CR, start)) {
      sink.line(buf, start, cr3, lineNo, false);
      lineNo += 1;
      start = cr3 + 1;
    }
    sink.line(buf, start, end, lineNo, unterminated);
  };
  try {
    while (!eof) {
      const bytesRead = readSync(fd, buf, filled, buf.length - filled, null);
      if (bytesRead === 0) eof = true;
      const scanFrom = filled;
      filled += bytesRead;
      let pos = 0;
      if (skipping) {
        const nl3 = buf.indexOf(LF, scanFrom);
        if (nl3 < 0 || nl3 >= filled) {
          filled = 0;
          if (sink.wantsMore && !sink.wantsMore()) return;
          continue;
        }
        skipping = false;
        lineNo += 1;
        pos = nl3 + 1;
      }
      const blockHasCr = buf.indexOf(CR, pos) >= 0 && buf.indexOf(CR, pos) < filled;
      for (let nl3 = buf.indexOf(LF, pos); nl3 >= 0 && nl3 < filled; nl3 = buf.indexOf(LF, pos)) {
        if (blockHasCr) emit(pos, nl3, false);
        else {
          lineNo += 1;
          sink.line(buf, pos, nl3, lineNo, false);
        }
        pos = nl3 + 1;
      }
      if (eof) {
        if (pos < filled) emit(pos, filled, buf[filled - 1] !== CR);
        break;
      }
      let tail = filled - pos;
      if (tail > MAX_LINE_BYTES) {
        const lastCr = buf.lastIndexOf(CR, filled - 2);
        if (lastCr >= pos) {
          emit(pos, lastCr, false);
          pos = lastCr + 1;
          tail = filled - pos;
        } else {
          sink.overlong(lineNo + 1);
          skipping = true;
          tail = 0;
        }
      }
      if (tail > 0 && pos > 0) buf.copyWithin(0, pos, filled);
      filled = tail;
      if (sink.wantsMore && !sink.wantsMore()) return;
    }
  } finally {
    closeSync(fd);
  }
}
async function readLines(path, sink) {
  await readLineBytes(path, {
    line: (buf, start, end, lineNo, unterminated) => sink.line(buf.toString("utf8", start, end), lineNo, unterminated),
    overlong: (lineNo) => sink.overlong(lineNo),
    wantsMore: sink.wantsMore ? () => sink.wantsMore() : void 0
  });
}

// src/core/reasons.ts
var Findings = class {
  byCode = /* @__PURE__ */ new Map();
  add(code, message) {
    if (!this.byCode.has(code)) this.byCode.set(code, { code, message });
  }
  has(code) {
    return this.byCode.has(code);
  }
  addAll(other) {
    for (const finding of other) this.add(finding.code, finding.message);
  }
  get size() {
    return this.byCode.size;
  }
  codes() {
    return [...this.byCode.keys()];
  }
  list() {
    return [...this.byCode.values()];
  }
};

// src/core/telemetry/values.ts
var NVIDIA_TS = /^(\d{4})\/(\d{1,2})\/(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
var ISO_TS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
var EPOCH = /^-?\d+(?:\.\d+)?$/;
var EPOCH_MS_THRESHOLD = 1e12;
function fraction(digits) {
  return digits ? Number(`0.${digits}`) : 0;
}
function validCalendar(year, month, day, hour, minute, second) {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
function localEpoch(year, month, day, hour, minute, second) {
  const date = new Date(year, month - 1, day, hour, minute, second, 0);
  if (year < 100) date.setFullYear(year);
  return date.getTime() / 1e3;
}
function localMinuteMs(year, month, day, hour, minute) {
  return localEpoch(year, month, day, hour, minute, 0) * 1e3;
}
function nvidiaEpoch(minuteMs, second, fractionS) {
  return (minuteMs + second * 1e3) / 1e3 + fractionS;
}
function nvidiaMinute(value) {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):\d{2}/.exec(value);
  if (!m) return void 0;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  return validCalendar(year, month, day, hour, minute, 0) ? localMinuteMs(year, month, day, hour, minute) : void 0;
}
function parseTimestamp(raw) {
  const value = raw.trim();
  if (value === "") return void 0;
  if (EPOCH.test(value)) {
    const n = Number(value);
    if (!Number.isFinite(n)) return void 0;
    return n > EPOCH_MS_THRESHOLD ? n / 1e3 : n;
  }
  let m = NVIDIA_TS.exec(value);
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    if (!validCalendar(year, month, day, hour, minute, second)) return void 0;
    return nvidiaEpoch(localMinuteMs(year, month, day, hour, minute), second, fraction(m[7]));
  }
  m = ISO_TS.exec(value);
  if (m) {
    const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
    const second = m[6] ? Number(m[6]) : 0;
    if (!validCalendar(year, month, day, hour, minute, second)) return void 0;
    const zone = m[8];
    if (!zone) return localEpoch(year, month, day, hour, minute, second) + fraction(m[7]);
    let offsetMin = 0;
    if (zone.toUpperCase() !== "Z") {
      const sign = zone.startsWith("-") ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) / 1e3 - offsetMin * 60 + fraction(m[7]);
  }
  return void 0;
}
function cachedTimestampParser() {
  let lastRaw;
  let lastValue;
  return (raw) => {
    if (raw === lastRaw) return lastValue;
    lastRaw = raw;
    lastValue = parseTimestamp(raw);
    return lastValue;
  };
}
var NOT_AVAILABLE = /* @__PURE__ */ new Set(["", "[n/a]", "n/a", "na", "[not supported]", "not supported", "unknown", "nan", "-"]);
var LEADING_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
function parsePower(raw) {
  const value = raw.trim();
  if (NOT_AVAILABLE.has(value.toLowerCase())) return void 0;
  const m = LEADING_NUMBER.exec(value);
  if (!m) return void 0;
  const rest = value.slice(m[0].length).trim();
  if (rest !== "" && rest !== "W" && rest !== "w") {
    return void 0;
  }
  const n = Number(m[0]);
  return Number.isFinite(n) ? n : void 0;
}

// src/core/telemetry/schema.ts
var TELEMETRY_FORMATS = [
  { name: "nvidia-smi", matches: (cols) => cols.some((c) => c.startsWith("power.draw")) },
  { name: "amd-smi", matches: (cols) => cols.some((c) => /socket_power/.test(c)) }
];
var POWER_EXCLUDE = /limit|cap|max|min|management|state|profile|enforced|default/;
var PREFERRED_POWER = [
  /^power\.draw(\s*\[w\])?$/,
  /^power\.draw\.instant/,
  /^socket_power/,
  /^current_socket_power/,
  /^average_socket_power/,
  /^power(\s*\(w\))?$/
];
var GPU_IDENTITY = ["index", "gpu", "gpu_id", "gpu_index", "gpu id", "gpu index", "card", "device", "device_id"];
function normalise(column) {
  return column.trim().toLowerCase();
}
function findPowerIndex(columns) {
  for (const preferred of PREFERRED_POWER) {
    const i = columns.findIndex((c) => preferred.test(c));
    if (i >= 0) return i;
  }
  return columns.findIndex((c) => c.includes("power") && !POWER_EXCLUDE.test(c));
}
function probeHeader(header) {
  const columns = header.map(normalise);
  const timestampIndex = columns.findIndex((c) => c.includes("time"));
  const powerIndex = findPowerIndex(columns);
  let gpuIndex = -1;
  for (const name of GPU_IDENTITY) {
    gpuIndex = columns.indexOf(name);
    if (gpuIndex >= 0) break;
  }
  return { timestampIndex, powerIndex, gpuIndex };
}
function detectSchema(header) {
  const probe = probeHeader(header);
  if (probe.timestampIndex < 0 || probe.powerIndex < 0) return void 0;
  const columns = header.map(normalise);
  const format = TELEMETRY_FORMATS.find((f) => f.matches(columns))?.name ?? "generic-csv";
  return { format, header: header.map((c) => c.trim()), ...probe };
}

// node_modules/csv-parse/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array = function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var ResizeableBuffer = class {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.slice(0, this.length).toString(encoding);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var np = 12;
var cr = 13;
var nl = 10;
var space = 32;
var tab = 9;
var init_state = function(options) {
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter.map((delimiter) => delimiter.length),
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: [
      Buffer.from(Buffer.from([cr], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([nl], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([np], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([space], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([tab], "utf8").toString(), options.encoding)
    ]
  };
};

// node_modules/csv-parse/lib/utils/underscore.js
var underscore = function(str2) {
  return str2.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = void 0;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (!Array.isArray(options.delimiter))
    options.delimiter = [options.delimiter];
  if (options.delimiter.length === 0) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER",
      [
        "Invalid option delimiter:",
        "delimiter must be a non empty string or buffer or array of string|buffer,",
        `got ${delimiter_json}`
      ],
      options
    );
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (delimiter === void 0 || delimiter === null || delimiter === false) {
      return Buffer.from(",", options.encoding);
    }
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
};

// node_modules/csv-parse/lib/api/index.js
var isRecordEmpty = function(record2) {
  return record2.every(
    (field) => field == null || field.toString && field.toString().trim() === ""
  );
};
var cr2 = 13;
var nl2 = 10;
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};
var transform = function(original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const { bomSkipped, previousBuf, rawBuffer, escapeIsQuote } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength = boms[encoding2].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              const options2 = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              for (const key in options2) {
                this.options[key] = options2[key];
              }
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr2 || chr === nl2) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err !== void 0) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info2 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info2,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err !== void 0) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err !== void 0) return err;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info2,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record: record2 } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record2.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record2)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record2);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record: record2
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record: record2
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err;
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record2)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record2.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && obj[columns[i].name] !== void 0) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record2[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record2[i]];
              }
            } else {
              obj[columns[i].name] = record2[i];
            }
          }
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err) {
              return err;
            }
          }
        } else {
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: record2 },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [record2[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? record2 : [record2[objname], record2],
              push
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record2) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record2 : firstLineToHeaders.call(null, record2);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== void 0) return err;
        field = f;
      }
      this.state.record.push(field);
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record2, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info2 = this.__infoRecord();
        try {
          record2 = on_record.call(null, record2, info2);
        } catch (err) {
          return err;
        }
        if (record2 === void 0 || record2 === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record2);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info2 = this.__infoField();
          return [void 0, this.state.castField.call(null, field, info2)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [void 0, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info2 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field, info2)];
      }
      return [void 0, field];
    },
    // Helper to test if a character is a space or a line delimiter
    __isCharTrimable: function(buf, pos) {
      const isTrim = (buf2, pos2) => {
        const { timchars } = this.state;
        loop1: for (let i = 0; i < timchars.length; i++) {
          const timchar = timchars[i];
          for (let j = 0; j < timchar.length; j++) {
            if (timchar[j] !== buf2[pos2 + j]) continue loop1;
          }
          return timchar.length;
        }
        return 0;
      };
      return isTrim(buf, pos);
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isFloat: function(value) {
      return value - parseFloat(value) + 1 >= 0;
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    __isDelimiter: function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isRecordDelimiter: function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isQuote: function(buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : void 0
            );
          } catch (err2) {
            return err2;
          }
        }
        return void 0;
      } else {
        return err;
      }
    },
    __infoDataSet: function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    },
    __infoField: function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records,
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }
  };
};

// node_modules/csv-parse/lib/sync.js
var parse = function(data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? {} : [];
  const parser = transform(opts);
  const push = (record2) => {
    if (parser.options.objname === void 0) records.push(record2);
    else {
      records[record2[0]] = record2[1];
    }
  };
  const close = () => {
  };
  const error = parser.parse(data, true, push, close);
  if (error !== void 0) throw error;
  return records;
};

// src/core/telemetry/csvline.ts
function splitCsvLine(line) {
  if (!line.includes('"')) return line.split(",").map((cell2) => cell2.trim());
  try {
    const rows = parse(line, {
      relax_quotes: true,
      relax_column_count: true,
      trim: true,
      skip_empty_lines: false
    });
    return rows[0] ?? [""];
  } catch {
    return line.split(",").map((cell2) => cell2.trim().replace(/^"|"$/g, ""));
  }
}

// src/core/telemetry/integrate.ts
var DeviceIntegrator = class {
  constructor(start, end) {
    this.start = start;
    this.end = end;
  }
  start;
  end;
  pendingTime = Number.NaN;
  pendingSum = 0;
  pendingCount = 0;
  prevTime = Number.NaN;
  prevPower = 0;
  firstTime = Number.NaN;
  lastTime = Number.NaN;
  distinctSamples = 0;
  energy = 0;
  maxGap = 0;
  maxGapAt = Number.NaN;
  /** Last timestamp accepted; a sample earlier than this is out of order. */
  get latestTime() {
    return this.pendingCount > 0 ? this.pendingTime : this.prevTime;
  }
  push(time, power) {
    if (this.pendingCount > 0 && time === this.pendingTime) {
      this.pendingSum += power;
      this.pendingCount += 1;
      return;
    }
    this.flush();
    this.pendingTime = time;
    this.pendingSum = power;
    this.pendingCount = 1;
  }
  flush() {
    if (this.pendingCount === 0) return;
    const time = this.pendingTime;
    const power = this.pendingSum / this.pendingCount;
    this.pendingCount = 0;
    this.distinctSamples += 1;
    if (Number.isNaN(this.firstTime)) this.firstTime = time;
    this.lastTime = time;
    if (!Number.isNaN(this.prevTime)) this.addSegment(this.prevTime, this.prevPower, time, power);
    this.prevTime = time;
    this.prevPower = power;
  }
  addSegment(a, pa, b, pb) {
    if (!(b > this.start && a < this.end)) return;
    const gap = b - a;
    if (gap > this.maxGap) {
      this.maxGap = gap;
      this.maxGapAt = a;
    }
    const left = Math.max(a, this.start);
    const right = Math.min(b, this.end);
    const slope = (pb - pa) / gap;
    const pLeft = left === a ? pa : pa + slope * (left - a);
    const pRight = right === b ? pb : pa + slope * (right - a);
    this.energy += (right - left) * (pLeft + pRight) / 2;
  }
  finish() {
    this.flush();
    const sampleCount = this.distinctSamples;
    if (sampleCount < 2) return { sampleCount, issue: "insufficient_power_samples" };
    if (this.firstTime > this.start || this.lastTime < this.end) {
      return {
        sampleCount,
        issue: "benchmark_window_not_bracketed",
        firstTime: this.firstTime,
        lastTime: this.lastTime
      };
    }
    return { sampleCount, energyJ: this.energy, maxGapS: this.maxGap, maxGapAt: this.maxGapAt };
  }
};
function integrateSamples(times, powers, start, end) {
  const order = Array.from({ length: times.length }, (_, i) => i).sort(
    (x, y) => times[x] - times[y]
  );
  const integrator = new DeviceIntegrator(start, end);
  for (const i of order) integrator.push(times[i], powers[i]);
  return integrator.finish();
}

// src/core/telemetry/identity.ts
var SEPARATION = 10;
var REGULAR_MIN_FRACTION = 0.4;
var LONG_STEP_RARITY = 64;
var BURST_STEP_MAX_S = 0.25;
function assignRowPositions(input) {
  const { times, lineNos, relevant, expectedGpus } = input;
  const n = times.length;
  const positions = new Int32Array(n).fill(-1);
  if (expectedGpus === void 0 || !Number.isInteger(expectedGpus) || expectedGpus <= 0) {
    return {
      ok: false,
      cause: `the expected GPU count (${String(expectedGpus)}) is not a positive integer, so row positions cannot be checked against it`
    };
  }
  if (n === 0)
    return {
      ok: true,
      method: "row_position_per_timestamp",
      positions,
      groups: 0,
      maxStepWithinGroupS: null,
      minStepBetweenGroupsS: null
    };
  if (input.stepBefore < 0)
    return {
      ok: false,
      cause: `the row at line ${lineNos[0]} is earlier than the row before it; without a GPU column the order of rows is the only identity`,
      line: lineNos[0]
    };
  if (input.stepAfter < 0)
    return {
      ok: false,
      cause: `the row after line ${lineNos[n - 1]} is earlier than it; without a GPU column the order of rows is the only identity`,
      line: lineNos[n - 1]
    };
  const positive2 = [];
  if (input.stepBefore > 0) positive2.push(input.stepBefore);
  if (input.stepAfter > 0) positive2.push(input.stepAfter);
  for (let i = 1; i < n; i++) {
    const step = times[i] - times[i - 1];
    if (step < 0)
      return {
        ok: false,
        cause: `the row at line ${lineNos[i]} is earlier than the row before it; without a GPU column the order of rows is the only identity`,
        line: lineNos[i]
      };
    if (step > 0) positive2.push(step);
  }
  positive2.sort((a, b) => a - b);
  let split = 0;
  let method = "row_position_per_timestamp";
  if (!isRegular(positive2)) {
    let k = 0;
    while (k + 1 < positive2.length && positive2[k + 1] < SEPARATION * positive2[k]) k++;
    if (k + 1 >= positive2.length) {
      return {
        ok: false,
        cause: `the time steps between rows range from ${fmt(positive2[0])} s to ${fmt(positive2[positive2.length - 1])} s with no clear gap between steps within a sample and steps between samples`
      };
    }
    split = positive2[k];
    if (split >= BURST_STEP_MAX_S) {
      return {
        ok: false,
        cause: `steps of up to ${fmt(split)} s between rows would have to lie within one sample, longer than any GPU query takes`
      };
    }
    method = "row_position_per_burst";
  }
  let groups = 0;
  let maxWithin = Number.NaN;
  let minBetween = Number.NaN;
  let first = 0;
  const opensBefore = input.stepBefore <= split;
  while (first < n) {
    let last = first;
    while (last + 1 < n) {
      const step = times[last + 1] - times[last];
      if (step > split) {
        if (!(step >= minBetween)) minBetween = step;
        break;
      }
      if (step > 0 && !(step <= maxWithin)) maxWithin = step;
      if (step === 0 && method === "row_position_per_burst") {
        return {
          ok: false,
          cause: `the rows at lines ${lineNos[last]} and ${lineNos[last + 1]} share a timestamp inside a burst of rows stamped a few ms apart, so their order does not tell which GPU each is`,
          line: lineNos[last + 1]
        };
      }
      last++;
    }
    let touches = false;
    for (let i = first; i <= last && !touches; i++) touches = relevant[i] !== 0;
    if (touches) {
      const size = last - first + 1;
      if (first === 0 && opensBefore || last === n - 1 && input.stepAfter <= split) {
        return {
          ok: false,
          cause: `the sample group at line ${lineNos[first]} extends beyond the rows read around the benchmark window`,
          line: lineNos[first]
        };
      }
      if (size !== expectedGpus) {
        const kind = method === "row_position_per_burst" ? "burst of rows stamped a few ms apart" : "timestamp";
        return {
          ok: false,
          cause: `the ${kind} at line ${lineNos[first]} has ${size} row(s) where ${expectedGpus} GPU(s) are expected (a row was dropped or repeated, or the GPU count is wrong)`,
          line: lineNos[first]
        };
      }
      for (let i = first; i <= last; i++) positions[i] = i - first;
      groups++;
    }
    first = last + 1;
  }
  return {
    ok: true,
    method,
    positions,
    groups,
    maxStepWithinGroupS: Number.isNaN(maxWithin) ? null : maxWithin,
    minStepBetweenGroupsS: Number.isNaN(minBetween) ? null : minBetween
  };
}
function isRegular(sortedSteps) {
  const m = sortedSteps.length;
  if (m === 0) return true;
  const median = sortedSteps[Math.floor((m - 1) / 2)];
  if (sortedSteps[0] < REGULAR_MIN_FRACTION * median) return false;
  if (median >= BURST_STEP_MAX_S) return true;
  let long = 0;
  for (let i = m - 1; i >= 0 && sortedSteps[i] >= 2 * median; i--) long++;
  return long * LONG_STEP_RARITY <= m;
}
function fmt(seconds) {
  return String(Number(seconds.toPrecision(3)));
}

// src/core/telemetry/scan.ts
var HEADER_SEARCH_LINES = 64;
var MAX_GPU_IDS = 65536;
var PositionalRows = class {
  times = new Float64Array(1024);
  powers = new Float64Array(1024);
  lineNos = new Float64Array(1024);
  relevant = new Uint8Array(1024);
  length = 0;
  stepBefore = Number.NaN;
  stepAfter = Number.NaN;
  previousTime = Number.NaN;
  /** Line of a kept row that follows rows outside the kept range (the file went back in time). */
  reenteredAt = 0;
  push(time, power, lineNo, relevant) {
    if (this.length === this.times.length) {
      const grow = (a) => {
        const b = new a.constructor(a.length * 2);
        b.set(a);
        return b;
      };
      this.times = grow(this.times);
      this.powers = grow(this.powers);
      this.lineNos = grow(this.lineNos);
      this.relevant = grow(this.relevant);
    }
    const i = this.length++;
    this.times[i] = time;
    this.powers[i] = power;
    this.lineNos[i] = lineNo;
    this.relevant[i] = relevant ? 1 : 0;
  }
};
var TelemetryScan = class {
  constructor(options) {
    this.options = options;
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
    this.keepLow = this.low - options.maxSampleGapS;
    this.keepHigh = this.high + options.maxSampleGapS;
    this.sink = options.collectGpus ? void 0 : options.rows;
  }
  options;
  findings = new Findings();
  schema;
  firstContentLine;
  firstContentLineNo = 0;
  headerLine = "";
  nonEmptySeen = 0;
  gpus = /* @__PURE__ */ new Map();
  collected = /* @__PURE__ */ new Map();
  parseTs = cachedTimestampParser();
  low;
  high;
  /** Without a GPU column: rows within [low - gap, high + gap] (a group can straddle low or high). */
  positional = new PositionalRows();
  keepLow;
  keepHigh;
  identityRecord;
  /** Earliest and latest timestamp in the whole file, for the time-zone hint when nothing is near the window. */
  firstSeen = Number.POSITIVE_INFINITY;
  lastSeen = Number.NEGATIVE_INFINITY;
  zonelessTimes;
  columnsNeeded = 0;
  /** Cells the byte path splits: the scan's plus the row sink's. */
  plainColumns = 0;
  sink;
  /** Fast path state: the last timestamp cell's bytes and value, and GPU id strings by index. */
  lastTsBytes = new Uint8Array(64);
  lastTsLength = -1;
  lastTsValue = Number.NaN;
  smallGpuIds = [];
  statesByIndex = [];
  /** nvidia-smi timestamps change every sample but their first 16 bytes (`YYYY/MM/DD HH:MM`) rarely do. */
  minuteMs = Number.NaN;
  /** The previous timestamp's whole second, when it went through sameMinute. */
  secondS = Number.NaN;
  secondKnown = false;
  cellStarts = [];
  cellEnds = [];
  /** The time range of every readable timestamp in the file; undefined before the first one. */
  timeSpan() {
    return this.firstSeen <= this.lastSeen ? { first: this.firstSeen, last: this.lastSeen, zoneless: this.zonelessTimes === true } : void 0;
  }
  notes = {
    preambleLines: 0,
    repeatedHeaderLines: 0,
    truncatedLastLine: false,
    outOfOrderGpus: [],
    overlongLines: 0
  };
  /** A line longer than the reader's bound: its content was dropped. */
  acceptOverlongLine(lineNo) {
    this.notes.overlongLines += 1;
    if (this.schema)
      this.findings.add(
        "invalid_timestamp_sample",
        `${this.options.source}:${lineNo}: line is longer than the reader's limit and was not read; check the telemetry writer.`
      );
  }
  /**
   * @param line the line without its terminator
   * @param lineNo 1-based line number
   * @param isUnterminatedLast true for a final line that has no newline (possibly cut off mid-write)
   */
  acceptLine(line, lineNo, isUnterminatedLast = false) {
    if (lineNo === 1 && line.charCodeAt(0) === 65279) line = line.slice(1);
    if (line.trim() === "") return;
    if (!this.schema) {
      this.findHeader(line, lineNo);
      return;
    }
    if (line === this.headerLine || line.trim() === this.headerLine.trim()) {
      this.notes.repeatedHeaderLines += 1;
      return;
    }
    const cells = splitCsvLine(line);
    if (cells.length <= this.columnsNeeded && isUnterminatedLast) {
      this.notes.truncatedLastLine = true;
      return;
    }
    this.acceptRow(cells, lineNo, isUnterminatedLast);
  }
  /**
   * The same as acceptLine for a line given as UTF-8 bytes. Rows in the plain shape every SMI tool
   * writes (ASCII, unquoted, `612.34 W` or bare decimal watts) are parsed straight from the bytes
   * without making strings; anything else, including every row that would be an error, is decoded
   * and takes the general path, so both paths give the same result.
   */
  acceptLineBytes(buf, start, end, lineNo, isUnterminatedLast = false) {
    if (!this.schema || this.schema.gpuIndex < 0 || this.options.collectGpus || isUnterminatedLast || !this.acceptPlainRow(buf, start, end, lineNo)) {
      this.acceptLine(decodeUtf8(buf, start, end), lineNo, isUnterminatedLast);
    }
  }
  /** Returns false, having changed nothing, when the row is not in the plain shape. */
  acceptPlainRow(buf, start, end, lineNo) {
    const schema = this.schema;
    const needed = this.plainColumns;
    const starts = this.cellStarts;
    const ends = this.cellEnds;
    const lastLength = this.lastTsLength;
    const last = this.lastTsBytes;
    let lineMismatch = -1;
    let repeatsTimestamp = false;
    if (schema.timestampIndex === 0 && lastLength > 0 && start + lastLength <= end) {
      lineMismatch = mismatchAt(buf, start, last, lastLength);
      repeatsTimestamp = lineMismatch === lastLength && buf[start + lastLength] === 44;
    }
    let cellStart = start;
    let firstCell = 0;
    if (repeatsTimestamp) {
      starts[0] = start;
      ends[0] = start + lastLength;
      cellStart = start + lastLength + 1;
      firstCell = 1;
    }
    for (let cell2 = firstCell; cell2 < needed; cell2++) {
      let comma = cellStart;
      for (; comma < end; comma++) {
        const c = buf[comma];
        if (c === 44) break;
        if (c === 34) return false;
      }
      if (comma === end && cell2 !== needed - 1) return false;
      starts[cell2] = cellStart;
      ends[cell2] = comma;
      cellStart = comma + 1;
    }
    let ts0 = starts[schema.timestampIndex];
    let ts1 = ends[schema.timestampIndex];
    while (ts0 < ts1 && (buf[ts0] === 32 || buf[ts0] === 9)) ts0++;
    while (ts1 > ts0 && (buf[ts1 - 1] === 32 || buf[ts1 - 1] === 9)) ts1--;
    const tsLength = ts1 - ts0;
    let time;
    if (repeatsTimestamp) {
      time = this.lastTsValue;
    } else {
      const common = Math.min(tsLength, lastLength);
      const same = lineMismatch >= 0 && ts0 === start ? Math.min(lineMismatch, common) : mismatchAt(buf, ts0, last, common);
      if (same === tsLength && tsLength === lastLength) {
        time = this.lastTsValue;
      } else {
        let parsed;
        if (tsLength >= 19 && !Number.isNaN(this.minuteMs) && same >= 16) {
          parsed = same >= 19 && this.secondKnown ? this.sameSecond(buf, ts0, ts1) : this.sameMinute(buf, ts0, ts1);
        }
        if (parsed === void 0) {
          const text = tsLength > 0 && tsLength <= 64 ? decodeAscii(buf, ts0, ts1) : "";
          parsed = this.parseTs(text);
          if (parsed === void 0 || !Number.isFinite(parsed)) return false;
          this.zonelessTimes ??= isZonelessTimestamp(text);
          this.minuteMs = nvidiaMinute(text) ?? Number.NaN;
          this.secondKnown = false;
        }
        time = parsed;
        for (let i = same; i < tsLength; i++) last[i] = buf[ts0 + i];
        this.lastTsLength = tsLength;
        this.lastTsValue = time;
      }
    }
    if (time < this.firstSeen) this.firstSeen = time;
    if (time > this.lastSeen) this.lastSeen = time;
    const sink = this.sink;
    const inRange = time >= this.low && time <= this.high;
    if (!inRange && sink === void 0) return true;
    const power = parsePlainWatts(buf, starts[schema.powerIndex], ends[schema.powerIndex]);
    if (power < 0) return false;
    let g0 = starts[schema.gpuIndex];
    let g1 = ends[schema.gpuIndex];
    while (g0 < g1 && (buf[g0] === 32 || buf[g0] === 9)) g0++;
    while (g1 > g0 && (buf[g1 - 1] === 32 || buf[g1 - 1] === 9)) g1--;
    if (g1 === g0) return false;
    let index = -1;
    if (g1 - g0 <= 3 && !(buf[g0] === 48 && g1 - g0 > 1)) {
      index = 0;
      for (let i = g0; i < g1 && index >= 0; i++) {
        const c = buf[i];
        index = c >= 48 && c <= 57 ? index * 10 + (c - 48) : -1;
      }
    }
    if (index >= 0) {
      if (sink !== void 0) {
        sink.bytesRow(time, this.smallGpuIds[index] ??= String(index), power, buf, starts, ends);
        if (!inRange) return true;
      }
      const state = this.statesByIndex[index];
      if (state !== void 0) {
        if (!state.outOfOrder) {
          if (time < state.integrator.latestTime) state.outOfOrder = true;
          else state.integrator.push(time, power);
        }
        return true;
      }
      const gpuId2 = this.smallGpuIds[index] ??= String(index);
      this.pushSample(gpuId2, time, power, lineNo);
      this.statesByIndex[index] = this.gpus.get(gpuId2);
      return true;
    }
    for (let i = g0; i < g1; i++)
      if (buf[i] > 126 || buf[i] < 32 || buf[i] === 34) return false;
    const gpuId = decodeAscii(buf, g0, g1);
    if (sink !== void 0) {
      sink.bytesRow(time, gpuId, power, buf, starts, ends);
      if (!inRange) return true;
    }
    this.pushSample(gpuId, time, power, lineNo);
    return true;
  }
  /** `:SS` or `:SS.fff` after a cached minute prefix, or undefined for any other shape. */
  sameMinute(buf, ts0, ts1) {
    const d1 = buf[ts0 + 17] - 48;
    const d2 = buf[ts0 + 18] - 48;
    if (buf[ts0 + 16] !== 58 || d1 < 0 || d1 > 6 || d2 < 0 || d2 > 9) return void 0;
    const second = d1 * 10 + d2;
    if (second > 60) return void 0;
    const fractionS = fractionAfterSeconds(buf, ts0, ts1);
    if (fractionS < 0) return void 0;
    this.secondS = nvidiaEpoch(this.minuteMs, second, 0);
    this.secondKnown = true;
    return nvidiaEpoch(this.minuteMs, second, fractionS);
  }
  /** The previous timestamp's second plus this one's fraction (the first 19 bytes are the same). */
  sameSecond(buf, ts0, ts1) {
    const fractionS = fractionAfterSeconds(buf, ts0, ts1);
    return fractionS < 0 ? void 0 : this.secondS + fractionS;
  }
  findHeader(line, lineNo) {
    const cells = splitCsvLine(line);
    this.nonEmptySeen += 1;
    if (!this.firstContentLine) {
      this.firstContentLine = cells;
      this.firstContentLineNo = lineNo;
    }
    const schema = detectSchema(cells);
    if (schema) {
      this.schema = schema;
      this.headerLine = line;
      this.notes.preambleLines = this.nonEmptySeen - 1;
      this.columnsNeeded = Math.max(schema.timestampIndex, schema.powerIndex, schema.gpuIndex) + 1;
      this.plainColumns = Math.max(this.columnsNeeded, this.sink?.header(schema) ?? 0);
    } else if (this.nonEmptySeen >= HEADER_SEARCH_LINES) {
      this.headerSearchFailed();
    }
  }
  headerSearchFailed() {
    if (this.findings.size > 0) return;
    const header = this.firstContentLine ?? [];
    const probe = probeHeader(header);
    const where = `${this.options.source}:${this.firstContentLineNo || 1}`;
    const shown2 = logValue(header.slice(0, 8).join(",").slice(0, 200));
    if (probe.timestampIndex < 0)
      this.findings.add(
        "timestamp_column_missing",
        `${where}: no header column names a time (header: "${shown2}"). Query a timestamp, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv.`
      );
    if (probe.powerIndex < 0)
      this.findings.add(
        "power_column_missing",
        `${where}: no header column holds power draw (header: "${shown2}"); limit, cap, min and max columns do not count. Query power.draw (nvidia-smi) or socket_power (amd-smi).`
      );
  }
  acceptRow(cells, lineNo, isLast) {
    const schema = this.schema;
    const tsRaw = cells[schema.timestampIndex] ?? "";
    const time = this.parseTs(tsRaw);
    const sink = this.sink;
    if (sink !== void 0 && !isLast) {
      const gpu = schema.gpuIndex >= 0 ? (cells[schema.gpuIndex] ?? "").trim() : sink.nextPosition(tsRaw);
      const watts = time === void 0 ? void 0 : parsePower(cells[schema.powerIndex] ?? "");
      if (time !== void 0 && watts !== void 0 && gpu !== "") sink.cellsRow(time, gpu, watts, cells);
    }
    if (time === void 0 || !Number.isFinite(time)) {
      this.findings.add(
        "invalid_timestamp_sample",
        `${this.options.source}:${lineNo}: timestamp "${clip(tsRaw)}" cannot be read${isLast ? " (last line, possibly cut off)" : ""}; its position in time is unknown, so the window cannot be trusted. Fix or remove the row.`
      );
      return;
    }
    this.zonelessTimes ??= isZonelessTimestamp(tsRaw);
    if (time < this.firstSeen) this.firstSeen = time;
    if (time > this.lastSeen) this.lastSeen = time;
    if (schema.gpuIndex < 0) {
      this.acceptPositionalRow(time, cells, lineNo);
      return;
    }
    const gpuId = cells[schema.gpuIndex] ?? "";
    if (time < this.low || time > this.high) return;
    const powerRaw = cells[schema.powerIndex] ?? "";
    const power = parsePower(powerRaw);
    if (power === void 0 || power < 0) {
      this.findings.add(
        "invalid_power_sample",
        `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? "")}" is not a non-negative number of watts near the benchmark window.`
      );
      return;
    }
    if (gpuId === "") {
      this.findings.add(
        "gpu_identity_missing",
        `${this.options.source}:${lineNo}: the GPU column "${clip(schema.header[schema.gpuIndex] ?? "")}" is empty; every row must name its GPU.`
      );
      return;
    }
    this.pushSample(gpuId, time, power, lineNo);
  }
  /** A row of a file without a GPU column: kept with its time until endOfInput assigns positions. */
  acceptPositionalRow(time, cells, lineNo) {
    const rows = this.positional;
    const previous = rows.previousTime;
    rows.previousTime = time;
    if (time < this.keepLow || time > this.keepHigh) {
      if (rows.length > 0 && Number.isNaN(rows.stepAfter))
        rows.stepAfter = time - rows.times[rows.length - 1];
      return;
    }
    if (rows.length === 0) rows.stepBefore = time - previous;
    else if (!Number.isNaN(rows.stepAfter) && rows.reenteredAt === 0) rows.reenteredAt = lineNo;
    let power = Number.NaN;
    const relevant = time >= this.low && time <= this.high;
    if (relevant) {
      const schema = this.schema;
      const powerRaw = cells[schema.powerIndex] ?? "";
      const parsed = parsePower(powerRaw);
      if (parsed === void 0 || parsed < 0) {
        this.findings.add(
          "invalid_power_sample",
          `${this.options.source}:${lineNo}: power "${clip(powerRaw)}" in column "${clip(schema.header[schema.powerIndex] ?? "")}" is not a non-negative number of watts near the benchmark window.`
        );
      } else {
        power = parsed;
      }
    }
    rows.push(time, power, lineNo, relevant);
  }
  /** Assigns GPUs by row position when the grouping is unambiguous, else refuses the file. */
  resolvePositions() {
    const rows = this.positional;
    const n = rows.length;
    const verdict = rows.reenteredAt > 0 ? {
      ok: false,
      cause: `the row at line ${rows.reenteredAt} is earlier than rows before it; without a GPU column the order of rows is the only identity`
    } : assignRowPositions({
      times: rows.times.subarray(0, n),
      lineNos: rows.lineNos.subarray(0, n),
      relevant: rows.relevant.subarray(0, n),
      stepBefore: rows.stepBefore,
      stepAfter: rows.stepAfter,
      expectedGpus: this.options.expectedGpus
    });
    if (!verdict.ok) {
      this.identityRecord = { method: "none", reason: verdict.cause };
      this.findings.add(
        "gpu_identity_column_missing",
        `${this.options.source}: the header has no GPU column (index, gpu, gpu_id, device, ...), and rows cannot be assigned to GPUs by their order: ${verdict.cause}. Add the GPU index to the query, e.g. nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -lms 1000.`
      );
      return;
    }
    this.identityRecord = {
      method: verdict.method,
      rows_per_group: this.options.expectedGpus,
      groups: verdict.groups,
      max_step_within_group_s: verdict.maxStepWithinGroupS,
      min_step_between_groups_s: verdict.minStepBetweenGroupsS
    };
    for (let i = 0; i < n; i++) {
      const position = verdict.positions[i];
      const power = rows.powers[i];
      if (position < 0 || rows.relevant[i] === 0 || Number.isNaN(power)) continue;
      this.pushSample(
        this.smallGpuIds[position] ??= String(position),
        rows.times[i],
        power,
        rows.lineNos[i]
      );
    }
  }
  /** How GPU identity was obtained; undefined before a header is found. */
  gpuIdentity() {
    const schema = this.schema;
    if (!schema) return void 0;
    if (schema.gpuIndex >= 0) return { method: "column", column: schema.header[schema.gpuIndex] ?? "" };
    return this.identityRecord;
  }
  pushSample(gpuId, time, power, lineNo) {
    if (this.options.collectGpus) {
      if (!this.options.collectGpus.has(gpuId)) return;
      let bucket = this.collected.get(gpuId);
      if (!bucket) this.collected.set(gpuId, bucket = { times: [], powers: [] });
      bucket.times.push(time);
      bucket.powers.push(power);
      return;
    }
    let state = this.gpus.get(gpuId);
    if (!state) {
      if (this.gpus.size >= MAX_GPU_IDS) {
        this.findings.add(
          "too_many_gpu_ids",
          `${this.options.source}:${lineNo}: more than ${MAX_GPU_IDS} distinct GPU identities; this is not one node's telemetry.`
        );
        return;
      }
      state = { integrator: new DeviceIntegrator(this.options.start, this.options.end), outOfOrder: false };
      this.gpus.set(gpuId, state);
    }
    if (state.outOfOrder) return;
    if (time < state.integrator.latestTime) {
      state.outOfOrder = true;
      return;
    }
    state.integrator.push(time, power);
  }
  /** Called after the last line. */
  endOfInput() {
    if (this.schema && this.schema.gpuIndex < 0 && !this.options.collectGpus) this.resolvePositions();
    if (!this.schema) {
      if (this.firstContentLine) this.headerSearchFailed();
      else if (this.notes.overlongLines > 0) {
        const message = `${this.options.source}: no CSV header found: the file starts with lines longer than 1 MiB (binary data or NUL bytes?). Point the csv option at the monitor's CSV output.`;
        this.findings.add("timestamp_column_missing", message);
        this.findings.add("power_column_missing", message);
      } else
        this.findings.add(
          "telemetry_file_empty",
          `${this.options.source}: the file has no content. Check that the GPU monitor started before the benchmark.`
        );
    }
  }
  /** GPUs whose samples arrived out of time order: the io layer replays the file to collect them. */
  outOfOrderGpus() {
    return new Set([...this.gpus].filter(([, s]) => s.outOfOrder).map(([id]) => id));
  }
  /** Samples collected by a second pass (collectGpus mode). */
  collectedSamples() {
    return this.collected;
  }
  /** Per-GPU results; out-of-order GPUs are integrated from `replayed` after sorting. */
  deviceResults(replayed) {
    const results = /* @__PURE__ */ new Map();
    for (const [gpuId, state] of this.gpus) {
      if (state.outOfOrder) {
        this.notes.outOfOrderGpus.push(gpuId);
        const samples = replayed?.get(gpuId) ?? { times: [], powers: [] };
        results.set(gpuId, integrateSamples(samples.times, samples.powers, this.options.start, this.options.end));
      } else {
        results.set(gpuId, state.integrator.finish());
      }
    }
    this.notes.outOfOrderGpus.sort(compareGpuIds);
    return results;
  }
};
function clip(text) {
  const oneLine = logValue(text.replace(/[\u0000-\u001f\u007f]/g, "?"));
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
function mismatchAt(buf, start, other, length) {
  let i = 0;
  while (i < length && buf[start + i] === other[i]) i++;
  return i;
}
function fractionAfterSeconds(buf, ts0, ts1) {
  if (ts1 <= ts0 + 19) return 0;
  const digitCount = ts1 - ts0 - 20;
  if (buf[ts0 + 19] !== 46 || digitCount < 1 || digitCount > 9) return -1;
  let digits = 0;
  for (let i = ts0 + 20; i < ts1; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    digits = digits * 10 + c;
  }
  return digits / POW10[digitCount];
}
function decodeAscii(buf, start, end) {
  return String.fromCharCode.apply(null, buf.subarray(start, end));
}
var utf8 = new TextDecoder("utf-8");
function decodeUtf8(buf, start, end) {
  return utf8.decode(buf.subarray(start, end));
}
function parsePlainWatts(buf, start, end) {
  let i = start;
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (seenDot) fractionDigits += 1;
    } else if (c === 46 && !seenDot) {
      seenDot = true;
    } else {
      break;
    }
  }
  if (digits === 0 || digits > 15 || seenDot && fractionDigits === 0) return -1;
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  if (i < end && (buf[i] === 87 || buf[i] === 119)) i++;
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  if (i !== end) return -1;
  return fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits];
}
var POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

// src/io/telemetry.ts
var HEADER_SEARCH_LINES2 = 64;
async function readTelemetry(path, source, window, rows) {
  try {
    const info = await stat2(path);
    if (!info.isFile()) {
      return {
        devices: /* @__PURE__ */ new Map(),
        findings: [
          {
            code: "telemetry_file_missing",
            message: `${source}: is not a regular file. Point the csv option at the monitor's CSV.`
          }
        ]
      };
    }
    if (info.size === 0) {
      return {
        devices: /* @__PURE__ */ new Map(),
        findings: [
          {
            code: "telemetry_file_empty",
            message: `${source}: the file is empty (0 bytes). Check that the GPU monitor started before the benchmark.`
          }
        ]
      };
    }
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return {
        devices: /* @__PURE__ */ new Map(),
        findings: [
          {
            code: "telemetry_file_missing",
            message: `${source}: no such file. Start the GPU monitor before the benchmark, or set the csv option.`
          }
        ]
      };
    }
    return {
      devices: /* @__PURE__ */ new Map(),
      findings: [
        { code: "telemetry_file_unreadable", message: `${source}: cannot be read (${code ?? String(error)}).` }
      ]
    };
  }
  const scan = new TelemetryScan({ source, ...window, ...rows ? { rows } : {} });
  let replayed;
  try {
    await scanFile(path, source, scan);
    const outOfOrder = scan.outOfOrderGpus();
    if (outOfOrder.size > 0) {
      const collector = new TelemetryScan({ source, ...window, collectGpus: outOfOrder });
      await scanFile(path, source, collector);
      replayed = collector.collectedSamples();
    }
  } catch (error) {
    const code = error.code;
    return {
      scan,
      devices: /* @__PURE__ */ new Map(),
      findings: [
        ...scan.findings.list(),
        { code: "telemetry_file_unreadable", message: `${source}: read failed (${code ?? String(error)}).` }
      ]
    };
  }
  const devices = scan.deviceResults(replayed);
  return { scan, devices, findings: scan.findings.list() };
}
var MAX_CHUNKS_WITHOUT_LINE = 64;
async function scanFile(path, source, scan) {
  let nonEmpty = 0;
  let lastLineNo = 0;
  let chunksWithoutLine = 0;
  await readLineBytes(path, {
    line: (buf, start, end, lineNo, unterminated) => {
      if (!scan.schema && end > start) nonEmpty += 1;
      lastLineNo = lineNo;
      chunksWithoutLine = 0;
      scan.acceptLineBytes(buf, start, end, lineNo, unterminated);
    },
    overlong: (lineNo) => scan.acceptOverlongLine(lineNo),
    wantsMore: () => {
      if (++chunksWithoutLine > MAX_CHUNKS_WITHOUT_LINE) {
        if (scan.schema)
          scan.findings.add(
            "telemetry_file_unreadable",
            `${source}: no line break in the ${MAX_CHUNKS_WITHOUT_LINE} MiB after line ${lastLineNo} (NUL bytes left by a crash, or binary data); the rest of the file was not read.`
          );
        return false;
      }
      return scan.schema !== void 0 || nonEmpty < HEADER_SEARCH_LINES2 && scan.notes.overlongLines < 2;
    }
  });
  scan.endOfInput();
}

// src/core/bench.ts
function isNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}
function positiveCount(value) {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
function readBenchWindow(bench, source) {
  if (typeof bench !== "object" || bench === null || Array.isArray(bench)) {
    return {
      findings: [
        { code: "invalid_benchmark_result", message: `${source}: the benchmark result is not a JSON object.` }
      ]
    };
  }
  const b = bench;
  const start = b.benchmark_start_time_unix;
  const end = b.benchmark_end_time_unix;
  const duration = b.duration;
  if (!isNumber(start) || !isNumber(end) || !isNumber(duration) || end <= start || duration <= 0 || !Number.isFinite(end - start)) {
    return {
      findings: [
        {
          code: "invalid_benchmark_window",
          message: `${source}: benchmark_start_time_unix (${show(start)}), benchmark_end_time_unix (${show(end)}) and duration (${show(duration)}) must be numbers with end > start and duration > 0. Use a benchmark client that records the window.`
        }
      ]
    };
  }
  const findings = [];
  const integrationDuration = end - start;
  const tolerance = Math.max(0.5, integrationDuration * 0.01);
  if (Math.abs(duration - integrationDuration) > tolerance) {
    findings.push({
      code: "benchmark_duration_mismatch",
      message: `${source}: duration ${duration} s differs from end - start = ${integrationDuration} s by more than ${tolerance} s.`
    });
  }
  const count2 = (key, code) => {
    const value = b[key];
    if (positiveCount(value)) return value;
    findings.push({
      code,
      message: `${source}: ${key} is ${show(value)}; a positive integer is needed to normalise energy.`
    });
    return 0;
  };
  const completed = count2("completed", "invalid_successful_query_count");
  const totalInputTokens = count2("total_input_tokens", "invalid_input_token_count");
  const totalOutputTokens = count2("total_output_tokens", "invalid_output_token_count");
  const maxConcurrency = positiveCount(b.max_concurrency) ? b.max_concurrency : void 0;
  return {
    window: {
      startUnix: start,
      endUnix: end,
      reportedDurationS: duration,
      completed,
      totalInputTokens,
      totalOutputTokens,
      ...maxConcurrency !== void 0 ? { maxConcurrency } : {}
    },
    findings
  };
}
function show(value) {
  if (value === void 0) return "missing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

// src/core/jsonmembers.ts
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var LITERALS = ["true", "false", "null", "NaN", "Infinity", "-Infinity"];
function lineCol(text, index) {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return `line ${line} column ${index - lastBreak}`;
}
function scanString(text, i) {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c < 32) return -1;
    if (c === 92) {
      const next = text[j + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -1;
        j += 5;
      } else if (next !== void 0 && '"\\/bfnrt'.includes(next)) {
        j += 1;
      } else {
        return -1;
      }
    }
  }
  return -1;
}
function scanScalar(text, i) {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  for (const literal of LITERALS) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text);
  return m ? i + m[0].length : -1;
}
function skipWs(text, i) {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    i++;
  }
  return i;
}
function readTopLevelObject(text) {
  const fail2 = (index, what) => ({
    ok: false,
    error: `${what} at ${lineCol(text, index)}`
  });
  let i = skipWs(text, text.charCodeAt(0) === 65279 ? 1 : 0);
  if (text[i] !== "{") {
    return { ok: false, error: i >= text.length ? "the file is empty" : "the top-level JSON value is not an object" };
  }
  const stack = [];
  const members = [];
  let state = "value";
  let keyRaw = "";
  let valueStart = 0;
  let done = false;
  const afterValue = (end) => {
    if (stack.length === 0) {
      done = true;
      return;
    }
    if (stack.length === 1)
      members.push({ key: JSON.parse(keyRaw), keyRaw, valueRaw: text.slice(valueStart, end) });
    state = "commaOrEnd";
  };
  while (!done) {
    i = skipWs(text, i);
    if (i >= text.length) return fail2(i, "unexpected end of input");
    const c = text[i];
    switch (state) {
      case "value":
        if (c === "{") {
          stack.push("o");
          state = "keyOrEnd";
          i++;
        } else if (c === "[") {
          stack.push("a");
          state = "valueOrEnd";
          i++;
        } else {
          const end = scanScalar(text, i);
          if (end < 0) return fail2(i, "invalid value");
          i = end;
          afterValue(i);
        }
        break;
      case "keyOrEnd":
        if (c === "}") {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          state = "key";
        }
        break;
      case "key": {
        if (c !== '"') return fail2(i, "expected a string key");
        const end = scanString(text, i);
        if (end < 0) return fail2(i, "invalid string");
        if (stack.length === 1) keyRaw = text.slice(i, end);
        i = end;
        state = "colon";
        break;
      }
      case "colon":
        if (c !== ":") return fail2(i, "expected ':'");
        i = skipWs(text, i + 1);
        if (stack.length === 1) valueStart = i;
        state = "value";
        break;
      case "valueOrEnd":
        if (c === "]") {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          state = "value";
        }
        break;
      case "commaOrEnd": {
        const top = stack[stack.length - 1];
        if (c === ",") {
          state = top === "o" ? "key" : "value";
          i++;
        } else if (c === "}" && top === "o" || c === "]" && top === "a") {
          stack.pop();
          i++;
          afterValue(i);
        } else {
          return fail2(i, `expected ',' or '${top === "o" ? "}" : "]"}'`);
        }
        break;
      }
    }
  }
  i = skipWs(text, i);
  if (i < text.length) return fail2(i, "unexpected data after the JSON value");
  return { ok: true, members };
}
function renderTopLevelObject(members) {
  if (members.length === 0) return "{}";
  return `{
${members.map((m) => `  ${m.keyRaw}: ${m.valueRaw}`).join(",\n")}
}`;
}
function patchMembers(members, remove, set) {
  const patched = members.filter((m) => !remove.has(m.key));
  for (const [key, valueRaw] of set) {
    const existing = patched.findIndex((m) => m.key === key);
    if (existing >= 0) {
      patched[existing] = { ...patched[existing], valueRaw };
      for (let j = patched.length - 1; j > existing; j--)
        if (patched[j].key === key) patched.splice(j, 1);
    } else {
      patched.push({ key, keyRaw: JSON.stringify(key), valueRaw });
    }
  }
  return patched;
}

// src/core/pyjson.ts
var SHORT_ESCAPES = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\b": "\\b",
  "\f": "\\f"
};
function pyJsonString(text) {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== void 0) out += short;
    else if (code < 32 || code > 126) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
function pyJsonFloat(x) {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return pyFloatRepr(x);
}
function pyJsonInt(x) {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${x} is not a safe integer`);
  return String(x === 0 ? 0 : x);
}
function pyJsonStringObject(entries, depth) {
  if (entries.length === 0) return "{}";
  const inner = "  ".repeat(depth + 1);
  const outer = "  ".repeat(depth);
  return `{
${entries.map(([k, v]) => `${inner}${pyJsonString(k)}: ${pyJsonString(v)}`).join(",\n")}
${outer}}`;
}
var PyRawValue = class {
  constructor(raw) {
    this.raw = raw;
  }
  raw;
};
function parsePyJsonObject(text) {
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
  }
  const members = readTopLevelObject(text);
  if (!members.ok) return void 0;
  const out = {};
  for (const { key, valueRaw } of members.members) {
    if (valueRaw === "NaN") out[key] = Number.NaN;
    else if (valueRaw === "Infinity") out[key] = Infinity;
    else if (valueRaw === "-Infinity") out[key] = -Infinity;
    else {
      try {
        out[key] = JSON.parse(valueRaw);
      } catch {
        out[key] = new PyRawValue(valueRaw);
      }
    }
  }
  return out;
}
var PyFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
  /** Plain JSON.stringify sees the number. */
  toJSON() {
    return this.value;
  }
};
function pyJsonDumps(value, indent = 2) {
  const write = (v, depth) => {
    if (v instanceof PyFloat) return Number.isFinite(v.value) ? pyJsonFloat(v.value) : "null";
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    const inner = " ".repeat(indent * (depth + 1));
    const outer = " ".repeat(indent * depth);
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return `[
${v.map((item) => `${inner}${write(item, depth + 1) ?? "null"}`).join(",\n")}
${outer}]`;
    }
    if (typeof v.toJSON === "function") return JSON.stringify(v);
    const members = Object.entries(v).map(([key, item]) => [key, write(item, depth + 1)]).filter((member) => member[1] !== void 0);
    if (members.length === 0) return "{}";
    return `{
${members.map(([key, text]) => `${inner}${JSON.stringify(key)}: ${text}`).join(",\n")}
${outer}}`;
  };
  return write(value, 0) ?? "null";
}

// src/io/json.ts
var MAX_JSON_BYTES = 256 * 1024 * 1024;
async function readJsonBounded(path, maxBytes, options = {}) {
  let text;
  try {
    text = await readTextBounded(path, maxBytes);
  } catch (error) {
    return { error: error.message, failed: "read" };
  }
  if (options.python) {
    const object = parsePyJsonObject(text);
    if (object !== void 0) return { value: object };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: error.message, failed: "parse" };
  }
}
async function readJsonObject(path, maxBytes) {
  const read = await readJsonBounded(path, maxBytes);
  const value = read.value;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

// src/io/bench.ts
async function loadBench(path) {
  const read = await readJsonBounded(path, MAX_JSON_BYTES, { python: true });
  if (read.error !== void 0) {
    const what = read.failed === "read" ? "cannot be read" : "not valid JSON";
    return { findings: [{ code: "invalid_benchmark_result", message: `${path}: ${what} (${read.error}).` }] };
  }
  return readBenchWindow(read.value, path);
}

// src/core/insights/aggfigures.ts
var INSIGHT_AGG_KEYS = [
  "insights_energy_bound_j",
  "insights_idle_baseline_total_w",
  "insights_energy_above_idle_j",
  "insights_counter_agreement",
  "insights_counter_ratio",
  "insights_share_at_power_cap"
];
function insightAggFigures(insights) {
  const figures = [];
  const number = (key, value, digits) => {
    if (value !== null && value !== void 0 && Number.isFinite(value))
      figures.push([key, pyFloatRepr(pyRound(value, digits))]);
  };
  number("insights_energy_bound_j", insights.quality.energy_bound_j, 3);
  number("insights_idle_baseline_total_w", insights.idle?.baseline_total_w, 3);
  number("insights_energy_above_idle_j", insights.idle?.energy_above_idle_j, 3);
  if (insights.counter) {
    figures.push(["insights_counter_agreement", JSON.stringify(insights.counter.agreement)]);
    number("insights_counter_ratio", insights.counter.ratio, 6);
  }
  number("insights_share_at_power_cap", insights.power_limit?.share_at_cap, 6);
  return figures;
}

// src/io/agg-patch.ts
async function patchAggPower(aggResult, valid, metrics, findings, extra = []) {
  const aggText = await readTextBounded(aggResult, MAX_JSON_BYTES, true).catch((error) => error);
  if (aggText instanceof Error) {
    const missing = aggText.code === "ENOENT" || aggText.code === "ENOTDIR";
    findings.add(
      missing ? "aggregate_result_missing" : "aggregate_result_unwritable",
      missing ? `${aggResult}: no such file. Run process-result first, or give the agg JSON it wrote as the agg-result option.` : `${aggResult}: cannot be read (${aggText.message}).`
    );
    return false;
  }
  const members = readTopLevelObject(aggText);
  if (!members.ok) {
    findings.add(
      "aggregate_result_unwritable",
      `${aggResult}: ${members.error}; the file was left unchanged. Regenerate it with process-result.`
    );
    return false;
  }
  try {
    const patch = aggPowerPatch(valid, metrics);
    for (const key of INSIGHT_AGG_KEYS) patch.remove.add(key);
    await writeFileAtomic(
      aggResult,
      renderTopLevelObject(patchMembers(members.members, patch.remove, [...patch.set, ...valid ? extra : []]))
    );
    return true;
  } catch (error) {
    findings.add(
      "aggregate_result_unwritable",
      `${aggResult}: cannot be written (${error.message}); the previous file is intact.`
    );
    return false;
  }
}

// src/io/sidecar.ts
import { dirname as dirname2, join as join2, parse as parsePath } from "node:path";
function defaultSidecarPath(benchResult) {
  return join2(dirname2(benchResult), `power_validation_${parsePath(benchResult).name}.json`);
}
var floats = (record2) => record2 && typeof record2 === "object" ? Object.fromEntries(
  Object.entries(record2).map(([k, v]) => [
    k,
    typeof v === "number" ? new PyFloat(v) : v
  ])
) : record2;
function renderSidecar(sidecar, accumulatorCheck) {
  const out = {};
  for (const [key, value] of Object.entries(sidecar)) {
    if (key === "benchmark_window" && value && typeof value === "object") {
      const w = value;
      out[key] = {
        ...w,
        ...floats({
          start_time_unix: w.start_time_unix,
          end_time_unix: w.end_time_unix,
          reported_duration_s: w.reported_duration_s,
          integration_duration_s: w.integration_duration_s
        })
      };
    } else if (key === "per_gpu_max_sample_gap_s" || key === "per_gpu_energy_j" || key === "metrics") {
      out[key] = floats(value);
    } else {
      out[key] = value;
    }
    if (key === "device_issues" && accumulatorCheck !== void 0) out.accumulator_check = accumulatorCheck;
  }
  return `${pyJsonDumps(out)}
`;
}
async function writeSidecar(path, sidecar, mode, stderr, accumulatorCheck) {
  try {
    await writeFileAtomic(path, renderSidecar(sidecar, accumulatorCheck));
    return true;
  } catch (error) {
    stderr.push(`sweep-power ${mode}: cannot write the validation sidecar ${path}: ${error.message}`);
    return false;
  }
}

// src/io/accumulator.ts
import { stat as stat3 } from "node:fs/promises";
import { dirname as dirname3, join as join3, parse as parsePath2 } from "node:path";

// src/core/pyparse.ts
var SPACE_CLASS = String.raw`[\t\n\v\f\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
var PY_SPACE = new RegExp(`^${SPACE_CLASS}+|${SPACE_CLASS}+$`, "g");
var DIGITS = String.raw`\d(?:_?\d)*`;
var INT_TEXT = new RegExp(`^[+-]?${DIGITS}$`);
var FLOAT_TEXT = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
var SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
function asciiDigits(text) {
  return text.replace(new RegExp("\\p{Nd}", "gu"), (ch) => {
    const cp = ch.codePointAt(0);
    if (cp <= 57) return ch;
    let first = cp;
    while (new RegExp("\\p{Nd}", "u").test(String.fromCodePoint(first - 1))) first -= 1;
    return String((cp - first) % 10);
  });
}
function prepare(text) {
  return asciiDigits(text.replace(PY_SPACE, ""));
}
function pyIntOfText(text) {
  const t = prepare(text);
  if (!INT_TEXT.test(t)) return void 0;
  const n = Number(t.replaceAll("_", ""));
  return Object.is(n, -0) ? 0 : n;
}
function pyFloatOfText(text) {
  const t = prepare(text);
  const special = SPECIAL.exec(t);
  if (special) {
    if (special[2].toLowerCase() === "nan") return Number.NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!FLOAT_TEXT.test(t)) return void 0;
  return Number(t.replaceAll("_", ""));
}

// src/core/accumulator.ts
var ACCUMULATOR_TOLERANCE = 0.05;
function parseEnergySnapshot(text) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  let headerAt = lines.findIndex((line) => line.trim() !== "");
  if (headerAt < 0) return void 0;
  const header = splitCsvLine(lines[headerAt]);
  const gpuColumn = header.indexOf("gpu");
  const energyColumn = header.indexOf("total_energy_consumption");
  if (gpuColumn < 0 || energyColumn < 0) return void 0;
  const energy = /* @__PURE__ */ new Map();
  while (++headerAt < lines.length) {
    const line = lines[headerAt];
    if (line === "") continue;
    const cells = splitCsvLine(line);
    const gpu = cells[gpuColumn] ?? "";
    if (gpu === "") continue;
    const joules = pyFloatOfText(cells[energyColumn] ?? "");
    if (joules !== void 0 && Number.isFinite(joules)) energy.set(gpu, joules);
  }
  return energy.size > 0 ? energy : void 0;
}
function trapezoid(samples) {
  const order = Array.from({ length: samples.times.length }, (_, i) => i).sort(
    (x, y) => samples.times[x] - samples.times[y] || samples.powers[x] - samples.powers[y]
  );
  let energyJ = 0;
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1];
    const b = order[k];
    energyJ += (samples.times[b] - samples.times[a]) * (samples.powers[a] + samples.powers[b]) / 2;
  }
  return {
    energyJ,
    first: samples.times[order[0]],
    last: samples.times[order[order.length - 1]]
  };
}
function crossCheckAccumulator(start, end, stream) {
  if (start === void 0 && end === void 0) return null;
  if (start === void 0) return { available: false, reason: "missing_start_snapshot" };
  if (end === void 0) return { available: false, reason: "missing_end_snapshot" };
  const startEnergy = parseEnergySnapshot(start);
  if (!startEnergy) return { available: false, reason: "unparseable_start_snapshot" };
  const endEnergy = parseEnergySnapshot(end);
  if (!endEnergy) return { available: false, reason: "unparseable_end_snapshot" };
  const matched = [...startEnergy.keys()].filter((id) => endEnergy.has(id)).sort(compareGpuIds);
  const unmatched = [.../* @__PURE__ */ new Set([...startEnergy.keys(), ...endEnergy.keys()])].filter((id) => !(startEnergy.has(id) && endEnergy.has(id))).sort(compareGpuIds);
  const deltas = matched.map((id) => [id, endEnergy.get(id) - startEnergy.get(id)]);
  const negative = deltas.filter(([, delta]) => delta < 0).map(([id]) => id);
  const integratedIds = matched.filter((id) => (stream.get(id)?.times.length ?? 0) > 0);
  let integrated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const id of integratedIds) {
    const gpu = trapezoid(stream.get(id));
    integrated += gpu.energyJ;
    first = Math.min(first, gpu.first);
    last = Math.max(last, gpu.last);
  }
  const accumulatorDelta = deltas.reduce((sum, [, delta]) => sum + delta, 0);
  let relativeError = null;
  let withinTolerance = false;
  if (accumulatorDelta > 0) {
    relativeError = Math.abs(accumulatorDelta - integrated) / accumulatorDelta;
    withinTolerance = negative.length === 0 && relativeError <= ACCUMULATOR_TOLERANCE;
  }
  return {
    available: true,
    accumulator_delta_j: new PyFloat(accumulatorDelta),
    integrated_stream_j: new PyFloat(integrated),
    relative_error: relativeError === null ? null : new PyFloat(relativeError),
    within_tolerance: withinTolerance,
    tolerance: new PyFloat(ACCUMULATOR_TOLERANCE),
    per_gpu_delta_j: Object.fromEntries(deltas.map(([id, delta]) => [id, new PyFloat(delta)])),
    integrated_gpu_ids: integratedIds,
    unmatched_gpus: unmatched,
    negative_delta_gpus: negative,
    stream_span_s: new PyFloat(integratedIds.length > 0 ? last - first : 0)
  };
}

// src/io/accumulator.ts
var MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024;
var EVERY_GPU = new class extends Set {
  has() {
    return true;
  }
}();
function energySnapshotPaths(csvPath) {
  const stem2 = parsePath2(csvPath).name;
  return {
    start: join3(dirname3(csvPath), `${stem2}_energy_start.csv`),
    end: join3(dirname3(csvPath), `${stem2}_energy_end.csv`)
  };
}
async function readIfFile(path) {
  const isFile2 = await stat3(path).then(
    (s) => s.isFile(),
    () => false
  );
  return isFile2 ? readTextBounded(path, MAX_SNAPSHOT_BYTES) : void 0;
}
async function readWholeStream(csvPath) {
  const scan = new TelemetryScan({
    source: csvPath,
    start: -Infinity,
    end: Infinity,
    maxSampleGapS: 1,
    collectGpus: EVERY_GPU
  });
  await readLineBytes(csvPath, {
    line: (buf, start, end, lineNo, unterminated) => scan.acceptLineBytes(buf, start, end, lineNo, unterminated),
    overlong: (lineNo) => scan.acceptOverlongLine(lineNo),
    wantsMore: () => true
  });
  scan.endOfInput();
  if (!scan.schema || scan.schema.gpuIndex < 0) return /* @__PURE__ */ new Map();
  return scan.collectedSamples();
}
async function readAccumulatorCheck(csvPath) {
  try {
    const paths = energySnapshotPaths(csvPath);
    const start = await readIfFile(paths.start);
    const end = await readIfFile(paths.end);
    if (start === void 0 || end === void 0) return crossCheckAccumulator(start, end, /* @__PURE__ */ new Map());
    const pending = crossCheckAccumulator(start, end, /* @__PURE__ */ new Map());
    if (pending === null || !pending.available) return pending;
    return crossCheckAccumulator(start, end, await readWholeStream(csvPath));
  } catch {
    return { available: false, reason: "cross_check_error" };
  }
}

// src/core/power-result.ts
var reasonCodes = (reasons) => reasons.map((r) => r.code);
function powerExitCode(valid, sidecarWritten, requirePower) {
  return (!valid || !sidecarWritten) && requirePower ? 1 : 0;
}
function powerFailureLines(mode, reasons, sidecarPath) {
  return [
    `sweep-power ${mode}: Power validation failed: ${reasonCodes(reasons).join(", ")} (details: ${sidecarPath})`,
    ...reasons.map((r) => `  ${r.code}: ${r.message}`)
  ];
}

// src/core/insights/tdp.ts
var NAMEPLATE = [
  [/\bh100\b.*\b(pcie)\b/i, { watts: 350, model: "H100 PCIe" }],
  [/\bh100\b.*\bnvl\b/i, { watts: 400, model: "H100 NVL" }],
  [/\bh100\b/i, { watts: 700, model: "H100 SXM" }],
  [/\bh200\b.*\b(nvl|pcie)\b/i, { watts: 600, model: "H200 NVL" }],
  [/\bh200\b/i, { watts: 700, model: "H200 SXM" }],
  [/\bb200\b/i, { watts: 1e3, model: "B200" }],
  [/\ba100\b.*\bsxm/i, { watts: 400, model: "A100 SXM" }],
  [/\bmi300x\b/i, { watts: 750, model: "MI300X" }],
  [/\bmi325x\b/i, { watts: 1e3, model: "MI325X" }],
  [/\bmi350x\b/i, { watts: 1e3, model: "MI350X" }],
  [/\bmi355x\b/i, { watts: 1400, model: "MI355X" }]
];
function nameplatePower(gpuName) {
  const name = gpuName.trim();
  if (name === "" || name.length > 200) return void 0;
  for (const [pattern, power] of NAMEPLATE) if (pattern.test(name)) return power;
  return void 0;
}

// src/core/insights/accumulator.ts
var COUNTER_OK = [0.9, 1.1];
var COUNTER_PLAUSIBLE = [0.1, 10];
var FROZEN_MIN_W = 10;
var CAP_SHARE_THRESHOLD = 0.95;
var IMPLAUSIBLE_FACTOR = 1.7;
var IDLE_SPAN_S = 10;
var CHART_POINTS = 120;
var MAX_GPUS = 65536;
var BIN_S = 1;
var BIN_LAG_S = 30;
var BIN_RING = 64;
var MAX_CHART_BUCKETS = 2 * CHART_POINTS;
var MAX_EXAMPLES = 10;
var EXACT_INTERVALS = 64;
var HISTOGRAM_STEPS_PER_DECADE = 50;
function counterAgreement(energyJ, integralJ, warnings) {
  const ratio = integralJ !== null && integralJ > 0 ? finiteOrNull(energyJ / integralJ) : null;
  let agreement = "reject";
  if (ratio !== null && ratio >= COUNTER_OK[0] && ratio <= COUNTER_OK[1]) agreement = "ok";
  else if (ratio !== null && ratio >= COUNTER_PLAUSIBLE[0] && ratio <= COUNTER_PLAUSIBLE[1]) agreement = "warn";
  if (agreement === "warn") warnings.push("counter_disagrees_with_integral");
  if (agreement === "reject") warnings.push("counter_rejected");
  return { ratio, agreement };
}
var IDLE_METHOD = "min_mean_total_power_over_10s_spans_of_1s_bins_all_gpus_covered";
var MEDIAN_METHOD = "exact_up_to_64_distinct_intervals_else_log_histogram_50_per_decade";
var InsightAccumulator = class {
  constructor(options) {
    this.options = options;
    this.low = options.start - options.maxSampleGapS;
    this.high = options.end + options.maxSampleGapS;
    this.nameplate = options.gpuName !== void 0 ? nameplatePower(options.gpuName) : void 0;
  }
  options;
  gpus = /* @__PURE__ */ new Map();
  low;
  high;
  rejectedSamples = 0;
  droppedGpus = 0;
  // Idle baseline and chart: 1 s bins of total node energy.
  /** Open bins k live at k mod BIN_RING; at most BIN_LAG_S / BIN_S + 2 are open at once. */
  binEnergy = new Float64Array(BIN_RING);
  binCovered = new Float64Array(BIN_RING);
  nextBin = Number.NaN;
  maxTime = Number.NEGATIVE_INFINITY;
  span = [];
  bestSpanMeanW = Number.POSITIVE_INFINITY;
  bestSpanStart = Number.NaN;
  chartOrigin = Number.NaN;
  chartStep = 1;
  chartEnergy = [];
  chartCovered = [];
  // Sampling interval statistics.
  exactIntervals = /* @__PURE__ */ new Map();
  histogram;
  intervalCount = 0;
  runInterval = Number.NaN;
  runCount = 0;
  // Power limit.
  samplesWithLimit = 0;
  samplesAtCap = 0;
  implausible = 0;
  implausibleExamples = [];
  nameplate;
  push(sample) {
    this.pushValues(sample.t, sample.gpu, sample.watts, sample.energyJ, sample.limitW);
  }
  /** push() without building a sample object, for the per-row hot path. */
  pushValues(t, gpuId, watts, energyJ, limitW) {
    if (!Number.isFinite(t) || !Number.isFinite(watts) || watts < 0) {
      this.rejectedSamples += 1;
      return;
    }
    let state = this.gpus.get(gpuId);
    if (!state) {
      if (this.gpus.size >= MAX_GPUS) {
        this.droppedGpus += 1;
        return;
      }
      state = newGpuState(this.options.start, this.options.end);
      this.gpus.set(gpuId, state);
    }
    const latest = state.pendingCount > 0 ? state.pendingTime : state.prevTime;
    if (t < latest) {
      state.outOfOrder += 1;
      return;
    }
    if (t >= this.low && t <= this.high) state.bench.push(t, watts);
    this.trackLimit(t, gpuId, watts, limitW, state);
    const energy = energyJ !== void 0 && Number.isFinite(energyJ) ? energyJ : void 0;
    if (state.pendingCount > 0 && t === state.pendingTime) {
      state.pendingSum += watts;
      state.pendingCount += 1;
      if (energy !== void 0) state.pendingCounter = energy;
      return;
    }
    this.flush(state);
    state.pendingTime = t;
    state.pendingSum = watts;
    state.pendingCount = 1;
    state.pendingCounter = energy;
  }
  trackLimit(t, gpu, watts, limitW, state) {
    if (limitW !== void 0 && Number.isFinite(limitW) && limitW > 0) {
      state.limitW = limitW;
      state.limitFromColumn = true;
    }
    const limit = state.limitW ?? this.nameplate?.watts;
    if (limit === void 0 || t < this.options.start || t > this.options.end) return;
    this.samplesWithLimit += 1;
    if (watts >= CAP_SHARE_THRESHOLD * limit) this.samplesAtCap += 1;
    if (watts > IMPLAUSIBLE_FACTOR * limit) {
      this.implausible += 1;
      if (this.implausibleExamples.length < MAX_EXAMPLES)
        this.implausibleExamples.push({ t, gpu, watts, limit_w: limit });
    }
  }
  /** One distinct timestamp of one GPU (rows with the same timestamp averaged, as the integrator does). */
  flush(state) {
    if (state.pendingCount === 0) return;
    const time = state.pendingTime;
    const power = state.pendingSum / state.pendingCount;
    const counter2 = state.pendingCounter;
    state.pendingCount = 0;
    if (counter2 !== void 0) state.hasCounter = true;
    if (Number.isNaN(state.firstTime)) state.firstTime = time;
    state.lastTime = time;
    if (!Number.isNaN(state.prevTime))
      this.segment(state, state.prevTime, state.prevPower, state.prevCounter, time, power, counter2);
    state.prevTime = time;
    state.prevPower = power;
    state.prevCounter = counter2;
  }
  segment(state, a, pa, ca, b, pb, cb) {
    const dt = b - a;
    this.recordInterval(dt);
    const { start, end } = this.options;
    if (a < start) state.beforeJ += trapezoid2(a, pa, b, pb, a, Math.min(b, start));
    if (b > end) state.afterJ += trapezoid2(a, pa, b, pb, Math.max(a, end), b);
    this.addToBins(a, pa, b, pb);
    if (b > this.maxTime) this.advanceBins(b);
    const left = Math.max(a, start);
    const right = Math.min(b, end);
    const overlap = right - left;
    if (!(overlap > 0)) return;
    if (dt <= this.options.maxSampleGapS) state.coveredS += overlap;
    state.boundJ += Math.abs(pb - pa) * overlap / 2;
    if (ca === void 0 || cb === void 0) {
      state.filled += 1;
      state.counterJ += trapezoid2(a, pa, b, pb, left, right);
      return;
    }
    const increment = cb - ca;
    if (increment < 0) {
      state.resets += 1;
      state.counterJ += trapezoid2(a, pa, b, pb, left, right);
      return;
    }
    if (increment === 0 && (pa + pb) / 2 >= FROZEN_MIN_W) state.frozen += 1;
    state.counterJ += increment * overlap / dt;
  }
  recordInterval(dt) {
    this.intervalCount += 1;
    if (dt === this.runInterval) {
      this.runCount += 1;
      return;
    }
    this.flushIntervalRun();
    this.runInterval = dt;
    this.runCount = 1;
  }
  flushIntervalRun() {
    if (this.runCount === 0) return;
    const dt = this.runInterval;
    const count2 = this.runCount;
    this.runCount = 0;
    if (!this.histogram) {
      const key = Math.round(dt * 1e6) / 1e6;
      this.exactIntervals.set(key, (this.exactIntervals.get(key) ?? 0) + count2);
      if (this.exactIntervals.size <= EXACT_INTERVALS) return;
      this.histogram = /* @__PURE__ */ new Map();
      for (const [value, count3] of this.exactIntervals) this.addToHistogram(value, count3);
      this.exactIntervals.clear();
      return;
    }
    this.addToHistogram(dt, count2);
  }
  addToHistogram(dt, count2) {
    const histogram = this.histogram;
    const key = dt > 0 ? Math.max(-400, Math.min(400, Math.round(Math.log10(dt) * HISTOGRAM_STEPS_PER_DECADE))) : -401;
    histogram.set(key, (histogram.get(key) ?? 0) + count2);
  }
  /** Spreads the trapezoid of one segment over the open 1 s bins it touches. */
  addToBins(a, pa, b, pb) {
    if (Number.isNaN(this.nextBin)) this.nextBin = Math.floor(a / BIN_S);
    const last = Math.ceil(b / BIN_S) - 1;
    const first = Math.max(Math.floor(a / BIN_S), this.nextBin);
    for (let k = first; k <= last; k++) {
      while (k - this.nextBin >= BIN_RING) this.closeBin();
      const left = Math.max(a, k * BIN_S);
      const right = Math.min(b, (k + 1) * BIN_S);
      if (!(right > left)) continue;
      const slot = (k % BIN_RING + BIN_RING) % BIN_RING;
      this.binEnergy[slot] = this.binEnergy[slot] + trapezoid2(a, pa, b, pb, left, right);
      this.binCovered[slot] = this.binCovered[slot] + (right - left);
    }
  }
  advanceBins(time) {
    this.maxTime = time;
    const closeBefore = Math.floor((time - BIN_LAG_S) / BIN_S);
    while (!Number.isNaN(this.nextBin) && this.nextBin < closeBefore) this.closeBin();
  }
  closeBin() {
    const k = this.nextBin;
    const slot = (k % BIN_RING + BIN_RING) % BIN_RING;
    const bin = { energy: this.binEnergy[slot], covered: this.binCovered[slot] };
    this.binEnergy[slot] = 0;
    this.binCovered[slot] = 0;
    this.nextBin = k + 1;
    const gpuCount = this.gpus.size;
    const complete = gpuCount > 0 && bin.covered >= gpuCount * BIN_S * (1 - 1e-9);
    if (complete) {
      this.span.push(bin.energy);
      if (this.span.length > IDLE_SPAN_S / BIN_S) this.span.shift();
      if (this.span.length === IDLE_SPAN_S / BIN_S) {
        let sum = 0;
        for (const e of this.span) sum += e;
        const mean2 = sum / IDLE_SPAN_S;
        if (mean2 < this.bestSpanMeanW) {
          this.bestSpanMeanW = mean2;
          this.bestSpanStart = (k + 1) * BIN_S - IDLE_SPAN_S;
        }
      }
    } else {
      this.span.length = 0;
    }
    this.addToChart(k, bin);
  }
  addToChart(k, bin) {
    if (Number.isNaN(this.chartOrigin)) this.chartOrigin = k;
    let j = Math.floor((k - this.chartOrigin) / this.chartStep);
    while (j >= MAX_CHART_BUCKETS) {
      this.halveChart();
      j = Math.floor((k - this.chartOrigin) / this.chartStep);
    }
    while (this.chartEnergy.length <= j) {
      this.chartEnergy.push(0);
      this.chartCovered.push(0);
    }
    this.chartEnergy[j] = this.chartEnergy[j] + bin.energy;
    this.chartCovered[j] = this.chartCovered[j] + bin.covered;
  }
  halveChart() {
    const energy = [];
    const covered = [];
    for (let i = 0; i < this.chartEnergy.length; i += 2) {
      energy.push(this.chartEnergy[i] + (this.chartEnergy[i + 1] ?? 0));
      covered.push(this.chartCovered[i] + (this.chartCovered[i + 1] ?? 0));
    }
    this.chartEnergy = energy;
    this.chartCovered = covered;
    this.chartStep *= 2;
  }
  /**
   * @param referenceBenchmarkEnergyJ the aggregate's own total for the window, when it has one
   *   (it also replays GPUs whose rows were out of order); otherwise this pass's integral is used.
   */
  finish(referenceBenchmarkEnergyJ) {
    const warnings = [];
    const ids = [...this.gpus.keys()].sort(compareGpuIds);
    const results = /* @__PURE__ */ new Map();
    for (const id of ids) {
      const state = this.gpus.get(id);
      this.flush(state);
      results.set(id, state.bench.finish());
      if (state.outOfOrder > 0 && !warnings.includes("out_of_order_samples")) warnings.push("out_of_order_samples");
    }
    while (!Number.isNaN(this.nextBin) && this.nextBin * BIN_S < this.maxTime) this.closeBin();
    if (this.rejectedSamples > 0) warnings.push("unreadable_samples_skipped");
    if (this.droppedGpus > 0) warnings.push("too_many_gpu_ids");
    const { start, end } = this.options;
    const windowS = end - start;
    const benchmark = this.benchmarkEnergy(ids, results, referenceBenchmarkEnergyJ);
    const phases = this.phases(ids, benchmark, warnings);
    const benchmarkJ = benchmark.energy;
    let idle2 = null;
    if (Number.isFinite(this.bestSpanMeanW)) {
      idle2 = {
        baseline_total_w: this.bestSpanMeanW,
        method: IDLE_METHOD,
        span_start_unix: this.bestSpanStart,
        energy_above_idle_j: benchmarkJ !== null ? finiteOrNull(benchmarkJ - this.bestSpanMeanW * windowS) : null
      };
    }
    const validCount = ids.filter((id) => okEnergy(results.get(id)) !== void 0).length;
    const coverage = {};
    let bound = 0;
    for (const id of ids) {
      const state = this.gpus.get(id);
      coverage[id] = windowS > 0 ? Math.min(1, state.coveredS / windowS) : null;
      bound += state.boundJ;
    }
    const quality = {
      gpus_reporting: `${validCount}/${this.options.expectedGpus !== void 0 && this.options.expectedGpus > 0 ? this.options.expectedGpus : ids.length}`,
      per_gpu_coverage: coverage,
      median_interval_s: this.medianInterval(),
      median_interval_method: MEDIAN_METHOD,
      energy_bound_j: ids.length > 0 ? finiteOrNull(bound) : null
    };
    const efficiency = { output_tokens_per_joule: null };
    if (benchmarkJ !== null && benchmarkJ > 0) {
      if (this.options.outputTokens !== void 0 && this.options.outputTokens > 0)
        efficiency.output_tokens_per_joule = finiteOrNull(this.options.outputTokens / benchmarkJ);
      if (this.options.concurrency !== void 0 && this.options.concurrency > 0) {
        const perUser = benchmarkJ / this.options.concurrency;
        if (Number.isFinite(perUser)) efficiency.energy_per_user_j = perUser;
      }
    }
    return {
      phases,
      idle: idle2,
      counter: this.counterCheck(ids, results, warnings),
      power_limit: this.powerLimit(ids, warnings),
      quality,
      efficiency,
      power_series: this.series(),
      warnings
    };
  }
  benchmarkEnergy(ids, results, reference) {
    if (reference !== void 0 && Number.isFinite(reference)) return { energy: reference };
    if (ids.length === 0) return { energy: null, reason: "no_power_samples" };
    let total = 0;
    for (const id of ids) {
      const result = results.get(id);
      if (result.issue !== void 0) return { energy: null, reason: result.issue };
      if (this.gpus.get(id)?.outOfOrder) return { energy: null, reason: "out_of_order_samples" };
      total += result.energyJ;
    }
    return Number.isFinite(total) ? { energy: total } : { energy: null, reason: "power_value_out_of_range" };
  }
  phases(ids, benchmark, warnings) {
    const { start, end } = this.options;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let beforeJ = 0;
    let afterJ = 0;
    for (const id of ids) {
      const state = this.gpus.get(id);
      if (Number.isNaN(state.firstTime)) continue;
      first = Math.min(first, state.firstTime);
      last = Math.max(last, state.lastTime);
      beforeJ += state.beforeJ;
      afterJ += state.afterJ;
    }
    const bench = phase("benchmark", start, end, benchmark.energy);
    if (benchmark.reason) bench.reason = benchmark.reason;
    if (!Number.isFinite(first)) {
      return [
        { ...phase("before", start, start, null), reason: "no_power_samples" },
        bench,
        { ...phase("after", end, end, null), reason: "no_power_samples" }
      ];
    }
    const before = phase(
      "before",
      Math.min(first, start),
      Math.max(Math.min(first, start), Math.min(start, last)),
      beforeJ
    );
    if (first >= start) {
      before.reason = "recording_starts_at_or_after_window_start";
      if (first > start) warnings.push("recording_starts_after_window_start");
    }
    const afterStart = Math.max(end, first);
    const after = phase("after", Math.min(afterStart, Math.max(last, end)), Math.max(last, end), afterJ);
    if (last <= end) {
      after.reason = "recording_ends_at_or_before_window_end";
      if (last < end) warnings.push("recording_ends_before_window_end");
    }
    return [before, bench, after];
  }
  counterCheck(ids, results, warnings) {
    const counted = ids.filter((id) => this.gpus.get(id).hasCounter);
    if (counted.length === 0) return null;
    let energy = 0;
    let integral = 0;
    let resets = 0;
    let frozen = 0;
    let filled = 0;
    for (const id of counted) {
      const state = this.gpus.get(id);
      energy += state.counterJ;
      resets += state.resets;
      frozen += state.frozen;
      filled += state.filled;
      const integralJ = okEnergy(results.get(id));
      integral = integral === null || integralJ === void 0 ? null : integral + integralJ;
    }
    const { ratio, agreement } = counterAgreement(energy, integral, warnings);
    if (frozen > 0) warnings.push("counter_frozen");
    return {
      source: this.options.counterSource ?? "energy_counter_column",
      energy_j: energy,
      integral_energy_j: integral,
      ratio,
      resets,
      frozen_intervals: frozen,
      filled_intervals: filled,
      agreement
    };
  }
  powerLimit(ids, warnings) {
    const byGpu = {};
    let fromColumn = false;
    for (const id of ids) {
      const state = this.gpus.get(id);
      const limit = state.limitW ?? this.nameplate?.watts;
      if (limit !== void 0) byGpu[id] = limit;
      if (state.limitFromColumn) fromColumn = true;
    }
    const limits = Object.values(byGpu);
    if (limits.length === 0) {
      if (this.options.gpuName !== void 0 && this.nameplate === void 0)
        warnings.push("gpu_name_not_in_tdp_table");
      return null;
    }
    if (this.implausible > 0) warnings.push("implausible_power_samples");
    const distinct = new Set(limits);
    const result = {
      enforced_w: Math.max(...limits),
      source: fromColumn ? "column" : "nameplate",
      share_at_cap: this.samplesWithLimit > 0 ? this.samplesAtCap / this.samplesWithLimit : null,
      implausible_samples: this.implausible,
      implausible_examples: this.implausibleExamples
    };
    if (distinct.size > 1) result.enforced_w_by_gpu = byGpu;
    if (!fromColumn && this.nameplate) result.nameplate_model = this.nameplate.model;
    return result;
  }
  medianInterval() {
    this.flushIntervalRun();
    if (this.intervalCount === 0) return null;
    const half = this.intervalCount / 2;
    const source = this.histogram ?? this.exactIntervals;
    const keys = [...source.keys()].sort((x, y) => x - y);
    let seen = 0;
    for (const key of keys) {
      seen += source.get(key);
      if (seen >= half) return this.histogram ? key < -400 ? 0 : 10 ** (key / HISTOGRAM_STEPS_PER_DECADE) : key;
    }
    return null;
  }
  series() {
    if (this.chartEnergy.length === 0 || this.gpus.size === 0) return null;
    while (this.chartEnergy.length > CHART_POINTS) this.halveChart();
    const gpuCount = this.gpus.size;
    return {
      origin_unix: this.chartOrigin * BIN_S,
      step_s: this.chartStep * BIN_S,
      total_w: this.chartEnergy.map((energy, j) => {
        const covered = this.chartCovered[j];
        return covered > 0 ? finiteOrNull(energy / (covered / gpuCount)) : null;
      })
    };
  }
};
function newGpuState(start, end) {
  return {
    bench: new DeviceIntegrator(start, end),
    beforeJ: 0,
    afterJ: 0,
    pendingTime: Number.NaN,
    pendingSum: 0,
    pendingCount: 0,
    pendingCounter: void 0,
    prevTime: Number.NaN,
    prevPower: 0,
    prevCounter: void 0,
    firstTime: Number.NaN,
    lastTime: Number.NaN,
    outOfOrder: 0,
    coveredS: 0,
    boundJ: 0,
    hasCounter: false,
    counterJ: 0,
    resets: 0,
    frozen: 0,
    filled: 0,
    limitW: void 0,
    limitFromColumn: false
  };
}
function trapezoid2(a, pa, b, pb, left, right) {
  const slope = (pb - pa) / (b - a);
  const pLeft = left === a ? pa : pa + slope * (left - a);
  const pRight = right === b ? pb : pa + slope * (right - a);
  return (right - left) * (pLeft + pRight) / 2;
}
function okEnergy(result) {
  return result && result.issue === void 0 && Number.isFinite(result.energyJ) ? result.energyJ : void 0;
}
function finiteOrNull(value) {
  return Number.isFinite(value) ? value : null;
}
function phase(name, startUnix, endUnix, energy) {
  const duration = Math.max(0, endUnix - startUnix);
  const energyJ = energy === null ? null : finiteOrNull(energy);
  return {
    name,
    start_unix: startUnix,
    end_unix: endUnix,
    duration_s: duration,
    energy_j: energyJ,
    avg_total_power_w: energyJ !== null && duration > 0 ? energyJ / duration : null,
    ...duration === 0 ? { reason: "zero_length_phase" } : {}
  };
}

// src/core/insights/columns.ts
var JOULES_PER_UNIT = {
  J: 1,
  mJ: 1e-3,
  uJ: 1e-6,
  kJ: 1e3,
  Wh: 3600,
  kWh: 36e5
};
var UNIT_WORDS = [
  [/^(mj|millijoules?)$/, "mJ"],
  [/^(uj|µj|μj|microjoules?)$/, "uJ"],
  [/^(kj|kilojoules?)$/, "kJ"],
  [/^(j|joules?)$/, "J"],
  [/^(kwh)$/, "kWh"],
  [/^(wh)$/, "Wh"]
];
function unitFromName(column) {
  const text = column.trim().toLowerCase();
  const bracket = /[[(]\s*([a-zµμ]+)\s*[\])]\s*$/.exec(text);
  const suffix = /[\s_]([a-zµμ]+)$/.exec(text);
  for (const candidate of [bracket?.[1], suffix?.[1]]) {
    if (candidate === void 0) continue;
    for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(candidate)) return unit;
  }
  return void 0;
}
function baseName(column) {
  return column.trim().toLowerCase().replace(/\s*[[(][^\])]*[\])]\s*$/, "").trim();
}
function counterCandidate(column, index) {
  const base = baseName(column);
  const unit = unitFromName(column);
  if (base === "dcgm_fi_dev_total_energy_consumption" || base === "total_energy_consumption_mj")
    return { index, source: "dcgm_total_energy", unit: unit ?? "mJ", name: column };
  if (base === "total_energy_consumption" || base === "energy.total" || base === "total_energy")
    return { index, source: "nvidia_smi_total_energy", unit, name: column };
  if (base === "energy_accumulator") return { index, source: "amd_smi_energy_accumulator", unit: "uJ", name: column };
  if (/^(energy|energy_consumed|gpu_energy|energy_counter)(_[a-zµμ]+)?$/.test(base) && unit !== void 0)
    return { index, source: "energy_counter_column", unit, name: column };
  return void 0;
}
var LIMIT_COLUMNS = [
  [/^enforced\.power\.limit$/, true],
  [/^power\.limit$/, false],
  [/^(power_limit|socket_power_limit|power_cap)$/, false]
];
var NAME_COLUMNS = /* @__PURE__ */ new Set(["name", "gpu_name", "product_name", "market_name", "modelname", "model_name"]);
function detectInsightColumns(header) {
  const result = { problems: [] };
  const counters = header.map((column, index) => counterCandidate(column, index)).filter((c) => c !== void 0);
  const withUnit = counters.filter((c) => c.unit !== void 0);
  for (const c of counters)
    if (c.unit === void 0) result.problems.push({ code: "counter_unit_unknown", column: c.name });
  const units = new Set(withUnit.map((c) => c.unit));
  if (units.size > 1) {
    result.problems.push({ code: "counter_units_mixed", columns: withUnit.map((c) => c.name) });
  } else if (withUnit.length > 0) {
    const chosen = withUnit[0];
    if (chosen.source === "amd_smi_energy_accumulator") {
      const resolutionIndex = header.findIndex((c) => baseName(c) === "counter_resolution");
      if (resolutionIndex < 0) result.problems.push({ code: "counter_resolution_missing", column: chosen.name });
      else result.counter = { index: chosen.index, source: chosen.source, unit: "uJ", resolutionIndex };
    } else {
      result.counter = { index: chosen.index, source: chosen.source, unit: chosen.unit };
    }
  }
  for (const [pattern, enforced] of LIMIT_COLUMNS) {
    const index = header.findIndex((c) => pattern.test(baseName(c)));
    if (index >= 0) {
      result.limit = { index, unit: /\[\s*mw\s*\]/i.test(header[index]) ? "mW" : "W", enforced };
      break;
    }
  }
  const nameIndex = header.findIndex((c) => NAME_COLUMNS.has(baseName(c)));
  if (nameIndex >= 0) result.name = { index: nameIndex };
  return result;
}
var NUMBER_WITH_UNIT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-zµμ]*)\s*$/;
function readCounterCell(cells, column) {
  const raw = (cells[column.index] ?? "").trim();
  if (raw === "" || /^\[?n\/?a\]?$/i.test(raw)) return { problem: "not_available" };
  const match = NUMBER_WITH_UNIT.exec(raw);
  if (!match) return { problem: "not_a_number" };
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return { problem: "not_a_number" };
  if (match[2]) {
    const cellUnit = unitFromName(`x [${match[2]}]`);
    if (cellUnit !== column.unit) return { problem: "unit_mismatch" };
  }
  if (column.resolutionIndex !== void 0) {
    const resolution = Number((cells[column.resolutionIndex] ?? "").trim());
    if (!Number.isFinite(resolution) || resolution <= 0) return { problem: "not_a_number" };
    return { value: value * resolution * JOULES_PER_UNIT.uJ };
  }
  return { value: value * JOULES_PER_UNIT[column.unit] };
}
function readLimitCell(cells, limit) {
  const raw = (cells[limit.index] ?? "").trim();
  const match = NUMBER_WITH_UNIT.exec(raw);
  if (!match) return void 0;
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value <= 0) return void 0;
  const unit = (match[2] ?? "").toLowerCase();
  if (unit === "mw" || unit === "" && limit.unit === "mW") return value / 1e3;
  if (unit === "" || unit === "w") return value;
  return void 0;
}

// src/core/insights/feed.ts
var utf82 = new TextDecoder("utf-8");
var InsightFeed = class {
  constructor(options) {
    this.options = options;
  }
  options;
  columns;
  accumulator;
  lastTsRaw;
  position = 0;
  counterCellProblems = 0;
  lastLimit = new Uint8Array(32);
  lastLimitLength = -1;
  lastLimitValue;
  /** The counter (and resolution) cells re-indexed to 0 and 1, so a byte row needs no full cell list. */
  counterCells;
  get insightColumns() {
    return this.columns;
  }
  header(schema) {
    const c = this.columns = detectInsightColumns(schema.header);
    if (c.counter)
      this.counterCells = {
        column: { ...c.counter, index: 0, ...c.counter.resolutionIndex !== void 0 ? { resolutionIndex: 1 } : {} },
        cells: ["", ""]
      };
    return Math.max(c.counter?.index ?? -1, c.counter?.resolutionIndex ?? -1, c.limit?.index ?? -1, c.name?.index ?? -1) + 1;
  }
  nextPosition(timestampCell) {
    if (timestampCell !== this.lastTsRaw) {
      this.lastTsRaw = timestampCell;
      this.position = 0;
    }
    return String(this.position++);
  }
  cellsRow(t, gpu, watts, cells) {
    const columns = this.columns;
    const accumulator = this.accumulator ?? this.start(columns.name ? (cells[columns.name.index] ?? "").trim() : void 0);
    let energyJ;
    if (columns.counter) {
      const reading = readCounterCell(cells, columns.counter);
      if ("value" in reading) energyJ = reading.value;
      else if (reading.problem !== "not_available") this.counterCellProblems += 1;
    }
    const limitW = columns.limit ? readLimitCell(cells, columns.limit) : void 0;
    accumulator.pushValues(t, gpu, watts, energyJ, limitW);
  }
  bytesRow(t, gpu, watts, buf, starts, ends) {
    const columns = this.columns;
    const accumulator = this.accumulator ?? this.start(
      columns.name ? utf82.decode(buf.subarray(starts[columns.name.index], ends[columns.name.index])).trim() : void 0
    );
    let limitW;
    if (columns.limit) {
      const l0 = starts[columns.limit.index];
      const length = ends[columns.limit.index] - l0;
      if (length === this.lastLimitLength && sameBytes(buf, l0, this.lastLimit, length)) limitW = this.lastLimitValue;
      else {
        limitW = readLimitCell([utf82.decode(buf.subarray(l0, l0 + length))], { index: 0, unit: columns.limit.unit });
        if (length <= this.lastLimit.length) {
          this.lastLimit.set(buf.subarray(l0, l0 + length));
          this.lastLimitLength = length;
          this.lastLimitValue = limitW;
        } else this.lastLimitLength = -1;
      }
    }
    let energyJ;
    if (columns.counter && this.counterCells) {
      const cells = this.counterCells.cells;
      cells[0] = utf82.decode(buf.subarray(starts[columns.counter.index], ends[columns.counter.index]));
      if (columns.counter.resolutionIndex !== void 0)
        cells[1] = utf82.decode(
          buf.subarray(starts[columns.counter.resolutionIndex], ends[columns.counter.resolutionIndex])
        );
      const reading = readCounterCell(cells, this.counterCells.column);
      if ("value" in reading) energyJ = reading.value;
      else if (reading.problem !== "not_available") this.counterCellProblems += 1;
    }
    accumulator.pushValues(t, gpu, watts, energyJ, limitW);
  }
  /** The first row names the GPU model (for the nameplate limit); the accumulator starts there. */
  start(name) {
    const counter2 = this.columns?.counter;
    return this.accumulator = new InsightAccumulator({
      ...this.options,
      ...name ? { gpuName: name } : {},
      ...counter2 ? { counterSource: counter2.source } : {}
    });
  }
  finish(referenceBenchmarkEnergyJ) {
    const accumulator = this.accumulator ?? new InsightAccumulator(this.options);
    const insights = accumulator.finish(referenceBenchmarkEnergyJ);
    for (const problem of this.columns?.problems ?? []) insights.warnings.push(problem.code);
    if (this.counterCellProblems > 0) insights.warnings.push("counter_cells_unreadable");
    return insights;
  }
};
function sameBytes(buf, start, other, length) {
  for (let i = 0; i < length; i++) if (buf[start + i] !== other[i]) return false;
  return true;
}

// src/core/insights/snapshots.ts
function withSnapshotCounter(insights, check) {
  if (insights.counter !== null || check === null || !check.available || check.integrated_gpu_ids.length === 0)
    return insights;
  const energy = check.accumulator_delta_j.value;
  const integral = check.integrated_stream_j.value;
  const warnings = [...insights.warnings];
  const { ratio, agreement } = counterAgreement(energy, integral, warnings);
  const resets = check.negative_delta_gpus.length;
  return {
    ...insights,
    counter: {
      source: "amd_smi_snapshots",
      energy_j: energy,
      integral_energy_j: integral,
      ratio,
      resets,
      frozen_intervals: 0,
      filled_intervals: 0,
      agreement,
      scope: "whole_recording"
    },
    warnings
  };
}

// src/io/power-run.ts
var SIDECAR_SCHEMA_VERSION = 2;
async function measureNodePower(options) {
  const benchResult = resolve2(options.cwd, options.benchResult);
  const aggResult = resolve2(options.cwd, options.aggResult);
  const sidecarPath = options.validationResult ? resolve2(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const maxSampleGapS = options.maxSampleGapS ?? DEFAULT_MAX_SAMPLE_GAP_S;
  const findings = new Findings();
  const log = { stdout: [], stderr: [] };
  let telemetryPath;
  let searched = [];
  if (options.csv) telemetryPath = resolve2(options.cwd, options.csv);
  else ({ path: telemetryPath, searched } = resolveTelemetryPath(options.env, options.cwd));
  const bench = await loadBench(benchResult);
  findings.addAll(bench.findings);
  if (!Number.isInteger(options.expectedNumGpus) || options.expectedNumGpus <= 0) {
    findings.add(
      "invalid_expected_gpu_count",
      `expected-num-gpus is ${options.expectedNumGpus}; pass the node's GPU count (TP x PP x PCP), a positive integer.`
    );
  }
  if (!Number.isFinite(maxSampleGapS) || maxSampleGapS <= 0) {
    findings.add(
      "invalid_max_sample_gap",
      `the maximum sample gap is ${maxSampleGapS} s; give a positive number of seconds.`
    );
  }
  let devices = { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} };
  let scan;
  let feed;
  if (bench.window && !findings.has("invalid_max_sample_gap")) {
    const window = {
      start: bench.window.startUnix,
      end: bench.window.endUnix,
      maxSampleGapS,
      expectedGpus: options.expectedNumGpus
    };
    feed = new InsightFeed({
      ...window,
      outputTokens: bench.window.totalOutputTokens,
      ...bench.window.maxConcurrency !== void 0 ? { concurrency: bench.window.maxConcurrency } : {},
      ...options.expectedNumGpus > 0 ? { expectedGpus: options.expectedNumGpus } : {}
    });
    const telemetry = await readTelemetry(telemetryPath, telemetryPath, window, feed);
    scan = telemetry.scan;
    for (const finding of telemetry.findings) {
      const message = finding.code === "telemetry_file_missing" && searched.length > 0 ? `no telemetry CSV found; looked at ${searched.join(", ")}. Start the GPU monitor before the benchmark, set GPU_METRICS_CSV, or set the csv option.` : finding.message;
      findings.add(finding.code, message);
    }
    if (telemetry.scan?.schema) {
      devices = summariseDevices(
        telemetry.devices,
        {
          start: bench.window.startUnix,
          end: bench.window.endUnix,
          maxSampleGapS,
          expectedGpus: options.expectedNumGpus > 0 ? options.expectedNumGpus : void 0,
          telemetrySpan: telemetry.scan.timeSpan(),
          timeZone: options.env.TZ
        },
        findings,
        telemetryPath
      );
    }
  }
  let valid = findings.size === 0 && devices.totalEnergyJ !== void 0 && bench.window !== void 0;
  let metrics = valid ? derivePowerMetrics(devices.totalEnergyJ, devices.gpuIds.length, bench.window) : {};
  const overflowed = Object.entries(metrics).find(([, value]) => !Number.isFinite(value));
  if (overflowed) {
    findings.add(
      "power_value_out_of_range",
      `${telemetryPath}: ${overflowed[0]} is not a finite number (power values too large for the window); check the power column and its unit.`
    );
    valid = false;
    metrics = {};
  }
  const accumulatorCheck = await readAccumulatorCheck(telemetryPath);
  let insights = null;
  let insightLines = [];
  try {
    insights = feed && bench.window ? withSnapshotCounter(feed.finish(devices.totalEnergyJ), accumulatorCheck) : null;
    if (insights && bench.window) insightLines = renderInsights(insights, bench.window.startUnix, bench.window.endUnix);
  } catch (error) {
    log.stderr.push(`sweep-power aggregate: energy insights left out (${error.message}).`);
  }
  const aggPatched = await patchAggPower(
    aggResult,
    valid,
    metrics,
    findings,
    options.aggInsights && insights ? insightAggFigures(insights) : []
  );
  if (!aggPatched) {
    valid = false;
    metrics = {};
  }
  const reasons = findings.list();
  const record2 = buildSidecar({
    telemetrySource: telemetryPath,
    telemetryFormat: scan?.schema?.format,
    gpuIdentity: scan?.gpuIdentity(),
    benchResult,
    bench: bench.window,
    valid,
    findings: reasons,
    expectedGpus: options.expectedNumGpus,
    devices,
    metrics,
    notes: scan?.notes,
    maxSampleGapS
  });
  const sidecarWritten = await writeSidecar(
    sidecarPath,
    { ...record2, schema_version: SIDECAR_SCHEMA_VERSION, insights },
    "aggregate",
    log.stderr,
    accumulatorCheck
  );
  if (valid) {
    const m = metrics;
    log.stdout.push(
      `sweep-power aggregate: avg_power_w=${m.avg_power_w.toFixed(2)} avg_total_gpu_power_w=${m.avg_total_gpu_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)} joules_per_output_token=${m.joules_per_output_token.toFixed(6)} (n=${devices.gpuIds.length}) -> ${aggResult}`
    );
  }
  if (insights && bench.window) log.stdout.push(...renderInsightText(insights, bench.window.startUnix));
  if (!valid) log.stderr.push(...powerFailureLines("aggregate", reasons, sidecarPath));
  const exitCode = powerExitCode(valid, sidecarWritten, options.requirePower);
  return {
    valid,
    reasons,
    metrics,
    gpuCount: devices.gpuIds.length,
    aggResult,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    telemetryPath,
    exitCode,
    log,
    insights,
    insightLines
  };
}

// src/commands/aggregate.ts
async function runAggregate(options) {
  return measureNodePower(options);
}

// src/io/multinode-power-run.ts
import { resolve as resolve3 } from "node:path";

// src/io/power-package.ts
import { lstat, readdir as readdir2, stat as stat4 } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/core/multinode/contract.ts
var PACKAGE_SCHEMA_VERSION = 1;
var WIRE_CONTRACT = [
  ["schema_version", PACKAGE_SCHEMA_VERSION],
  ["producer", "srt-slurm.dcgm-power"],
  ["source_metric", "DCGM_FI_DEV_POWER_USAGE"],
  ["unit", "W"],
  ["power_scope", "gpu_device_board_as_reported_by_dcgm"],
  ["timestamp_source", "head_node_unix_clock"]
];
var CLOCK_SOURCE = "head_node_unix_clock";
var SAMPLES_HEADER = [
  "schema_version",
  "timestamp_unix",
  "scrape_seq",
  "hostname",
  "gpu_index",
  "gpu_uuid",
  "power_w"
];
var PACKAGE_MAX_SAMPLE_GAP_S = 3;
function multinodeGapNote(maxSampleGapS) {
  if (maxSampleGapS === void 0 || maxSampleGapS === PACKAGE_MAX_SAMPLE_GAP_S) return void 0;
  return `sweep-power: the maximum sample gap of ${maxSampleGapS} s applies to single-node telemetry only; a multinode power package is checked against its own ${PACKAGE_MAX_SAMPLE_GAP_S} s limit.`;
}
var WORKER_ROLES = ["prefill", "decode", "agg"];
var FATAL_LIFECYCLE_REASONS = [
  "exporter_exited",
  "collector_exception",
  "collector_interrupted",
  "collector_join_timeout",
  "benchmark_child_reap_timeout"
];
var STARTUP_FAILURE_REASONS = ["exporter_startup_timeout", "exporter_launch_failed", "endpoint_resolution_failed"];
var WINDOW_STATUSES = ["running", "completed", "failed", "interrupted"];
var isFiniteNumber = (v) => typeof v === "number" && Number.isFinite(v);
var isWhole = (v, minimum) => typeof v === "number" && Number.isInteger(v) && v >= minimum;
var show2 = (v) => {
  const text = v === void 0 ? "missing" : JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
var ManifestError = class extends Error {
};
var deviceKey = (hostname, gpuIndex) => `${hostname}\0${gpuIndex}`;
function parseExpectedDevices(manifest) {
  const entries = manifest.expected_devices ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_devices is not a list: ${show2(entries)}`);
  return entries.map((entry, i) => {
    if (typeof entry !== "object" || entry === null) throw new ManifestError(`expected_devices[${i}] is not an object`);
    const e = entry;
    const assignments = e.assignments;
    if (!Array.isArray(assignments) || assignments.length === 0)
      throw new ManifestError(`expected_devices[${i}].assignments is not a non-empty list`);
    const roles = [];
    const hetGroups = [];
    for (const a of assignments) {
      const assignment = typeof a === "object" && a !== null ? a : {};
      if (!WORKER_ROLES.includes(assignment.worker_role))
        throw new ManifestError(
          `expected_devices[${i}] worker_role is not one of ${WORKER_ROLES.join("/")}: ${show2(assignment.worker_role)}`
        );
      for (const key of ["worker_index", "worker_process"]) {
        if (!isWhole(assignment[key], 0))
          throw new ManifestError(`expected_devices[${i}] ${key} is not an integer >= 0: ${show2(assignment[key])}`);
      }
      const het = assignment.het_group ?? null;
      if (het !== null && !isWhole(het, 0))
        throw new ManifestError(`expected_devices[${i}] het_group is not an integer >= 0: ${show2(het)}`);
      roles.push(assignment.worker_role);
      hetGroups.push(het);
    }
    if (typeof e.hostname !== "string" || e.hostname === "")
      throw new ManifestError(`expected_devices[${i}].hostname is not a non-empty string`);
    if (!isWhole(e.gpu_index, 0))
      throw new ManifestError(`expected_devices[${i}].gpu_index is not an integer >= 0: ${show2(e.gpu_index)}`);
    return { hostname: e.hostname, gpuIndex: e.gpu_index, roles, hetGroups };
  });
}
function parseExpectedWindows(manifest) {
  const entries = manifest.expected_windows ?? [];
  if (!Array.isArray(entries)) throw new ManifestError(`expected_windows is not a list: ${show2(entries)}`);
  return entries.map((entry, i) => {
    const e = typeof entry === "object" && entry !== null ? entry : {};
    if (typeof e.benchmark_type !== "string" || e.benchmark_type === "")
      throw new ManifestError(`expected_windows[${i}].benchmark_type is not a non-empty string`);
    if (!isWhole(e.concurrency, 1))
      throw new ManifestError(`expected_windows[${i}].concurrency is not an integer >= 1: ${show2(e.concurrency)}`);
    return { benchmarkType: e.benchmark_type, concurrency: e.concurrency };
  });
}
function checkWireContract(manifest) {
  const failures = [];
  for (const [key, expected] of WIRE_CONTRACT) {
    if (manifest[key] !== expected)
      failures.push(`manifest ${key} is ${show2(manifest[key])}, expected ${show2(expected)}`);
  }
  if (manifest.status !== "complete") failures.push(`manifest status is ${show2(manifest.status)}, expected "complete"`);
  if (!isFiniteNumber(manifest.started_at_unix)) failures.push("manifest started_at_unix is not a finite number");
  if (!isFiniteNumber(manifest.stopped_at_unix))
    failures.push("manifest stopped_at_unix is not a finite number in a terminal manifest");
  for (const key of ["sample_interval_seconds", "request_timeout_seconds"]) {
    if (!(isFiniteNumber(manifest[key]) && manifest[key] > 0))
      failures.push(`manifest ${key} is not finite and positive`);
  }
  for (const key of ["scrape_count", "sample_row_count"]) {
    if (!isWhole(manifest[key], 0)) failures.push(`manifest ${key} is not a non-negative integer`);
  }
  const required = manifest.required;
  if (typeof required !== "boolean") failures.push(`manifest required is ${show2(required)}, expected a boolean`);
  const reasons = manifest.reason_codes;
  if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === "string")) {
    failures.push("manifest reason_codes is not a list of strings");
  } else {
    const blocking = /* @__PURE__ */ new Set([...FATAL_LIFECYCLE_REASONS, ...required === true ? STARTUP_FAILURE_REASONS : []]);
    const incompatible = [...new Set(reasons)].filter((r) => blocking.has(r)).sort();
    if (incompatible.length > 0)
      failures.push(`complete manifest carries lifecycle-failure reasons: ${incompatible.join(", ")}`);
  }
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter !== "object" || exporter === null || Array.isArray(exporter))
    failures.push("manifest dcgm_exporter is not an object");
  else if (!exporter.container_image_resolved)
    failures.push("manifest dcgm_exporter.container_image_resolved is empty");
  return failures;
}

// src/core/multinode/samples.ts
var INT_CELL = /^\s*[+-]?\d+\s*$/;
var FLOAT_CELL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
function parseSampleRow(cells) {
  if (cells.length !== SAMPLES_HEADER.length) return void 0;
  const [schema, ts, seq, hostname, gpu, uuid, watts] = cells;
  if (!INT_CELL.test(schema) || !FLOAT_CELL.test(ts) || !INT_CELL.test(seq) || !INT_CELL.test(gpu) || !FLOAT_CELL.test(watts))
    return void 0;
  const row = { time: Number(ts), seq: Number(seq), hostname, gpuIndex: Number(gpu), uuid, watts: Number(watts) };
  if (Number(schema) !== PACKAGE_SCHEMA_VERSION || hostname === "" || uuid === "") return void 0;
  if (!Number.isFinite(row.time) || !Number.isFinite(row.watts) || row.watts < 0 || row.seq < 0 || row.gpuIndex < 0)
    return void 0;
  if (!Number.isSafeInteger(row.seq) || !Number.isSafeInteger(row.gpuIndex)) return void 0;
  return row;
}
var MAX_SAMPLE_ROWS = 2e7;
var SampleTable = class {
  totalRows = 0;
  byDevice = /* @__PURE__ */ new Map();
  add(row) {
    const key = deviceKey(row.hostname, row.gpuIndex);
    let device = this.byDevice.get(key);
    if (!device)
      this.byDevice.set(
        key,
        device = {
          hostname: row.hostname,
          gpuIndex: row.gpuIndex,
          seqs: [],
          times: [],
          watts: [],
          uuidIndex: [],
          uuids: []
        }
      );
    let uuid = device.uuids.indexOf(row.uuid);
    if (uuid < 0) uuid = device.uuids.push(row.uuid) - 1;
    device.seqs.push(row.seq);
    device.times.push(row.time);
    device.watts.push(row.watts);
    device.uuidIndex.push(uuid);
    this.totalRows += 1;
  }
  summarise() {
    const summary = { rowCount: 0, duplicateRows: 0, maxSeq: -1, nonMonotonic: false, devices: [] };
    const list = [...this.byDevice.values()].sort(
      (a, b) => a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : a.gpuIndex - b.gpuIndex
    );
    for (const d of list) {
      const bySeq = Array.from(d.seqs.keys()).sort((x, y) => d.seqs[x] - d.seqs[y]);
      const kept = [];
      for (const i of bySeq) {
        const previous = kept[kept.length - 1];
        if (previous !== void 0 && d.seqs[previous] === d.seqs[i]) {
          summary.duplicateRows += 1;
          continue;
        }
        if (previous !== void 0 && d.times[i] <= d.times[previous])
          summary.nonMonotonic = true;
        kept.push(i);
      }
      summary.rowCount += kept.length;
      summary.maxSeq = Math.max(summary.maxSeq, d.seqs[kept[kept.length - 1]]);
      const uuids = [...new Set(kept.map((i) => d.uuids[d.uuidIndex[i]]))];
      const byTime = [...kept].sort(
        (x, y) => d.times[x] - d.times[y] || d.watts[x] - d.watts[y]
      );
      summary.devices.push({
        hostname: d.hostname,
        gpuIndex: d.gpuIndex,
        uuids,
        times: byTime.map((i) => d.times[i]),
        powers: byTime.map((i) => d.watts[i])
      });
    }
    return summary;
  }
};
function observedDeviceRecord(device) {
  return {
    hostname: device.hostname,
    gpu_index: device.gpuIndex,
    gpu_uuids: device.uuids,
    first_sample_time_unix: device.times[0],
    last_sample_time_unix: device.times[device.times.length - 1]
  };
}
function deviceLabel(hostname, gpuIndex, observed) {
  return observed && observed.uuids.length === 1 ? `${hostname}/${observed.uuids[0]}` : `${hostname}/${gpuIndex}`;
}

// src/core/topology.ts
function envFlag(value) {
  return (value ?? "").toLowerCase() === "true";
}
var INTEGER = /^\s*[+-]?\d+\s*$/;
var EnvReader = class {
  constructor(env) {
    this.env = env;
  }
  env;
  problems = [];
  has(name) {
    return this.env[name] !== void 0;
  }
  text(name, what) {
    const value = this.env[name];
    if (value === void 0) {
      this.problems.push({ variable: name, problem: `missing; expected ${what}` });
      return "";
    }
    return value;
  }
  /** An integer >= minimum; absent uses `fallback` when one is given, else it is a problem. */
  integer(name, minimum, what, fallback) {
    const raw = this.env[name];
    const expected = `${what}, an integer >= ${minimum}`;
    if (raw === void 0) {
      if (fallback !== void 0) return fallback;
      this.problems.push({ variable: name, problem: `missing; expected ${expected}` });
      return Number.NaN;
    }
    if (!INTEGER.test(raw) || !Number.isSafeInteger(Number(raw))) {
      this.problems.push({ variable: name, problem: `is "${clip2(raw)}"; expected ${expected}` });
      return Number.NaN;
    }
    const value = Number(raw);
    if (value < minimum) {
      this.problems.push({ variable: name, problem: `is ${value}; expected ${expected}` });
      return Number.NaN;
    }
    return value === 0 ? 0 : value;
  }
};
function clip2(text) {
  const shown2 = text.replace(/[\u0000-\u001f\u007f]/g, "?");
  return shown2.length > 40 ? `${shown2.slice(0, 37)}...` : shown2;
}
function pool(env, role, gpus) {
  const name = role.toLowerCase();
  return {
    gpus,
    numWorkers: env.integer(`${role}_NUM_WORKERS`, 1, `the number of ${name} workers`),
    tp: env.integer(`${role}_TP`, 1, `the ${name} workers' tensor-parallel size`),
    pp: env.integer(`${role}_PP_SIZE`, 1, `the ${name} pipeline-parallel size (default 1)`, 1),
    dcpSize: env.integer(`${role}_DCP_SIZE`, 1, `the ${name} decode-context-parallel size (default 1)`, 1),
    pcpSize: env.integer(`${role}_PCP_SIZE`, 1, `the ${name} prefill-context-parallel size (default 1)`, 1),
    ep: env.integer(`${role}_EP`, 0, `the ${name} workers' expert-parallel size`),
    dpAttention: env.text(`${role}_DP_ATTN`, `the ${name} workers' data-parallel attention flag (true/false)`)
  };
}
function absentDecodePool(env) {
  env.integer("DECODE_TP", 0, "the decode workers' tensor-parallel size", 0);
  env.integer("DECODE_EP", 0, "the decode workers' expert-parallel size", 0);
  for (const size of ["PP_SIZE", "DCP_SIZE", "PCP_SIZE"])
    env.integer(`DECODE_${size}`, 1, `the decode ${size.replace("_SIZE", "")} size (default 1)`, 1);
  return {
    gpus: 0,
    numWorkers: env.integer("DECODE_NUM_WORKERS", 0, "the number of decode workers (0 in an aggregated run)", 0),
    tp: 0,
    pp: 1,
    dcpSize: 1,
    pcpSize: 1,
    ep: 0,
    dpAttention: env.has("DECODE_DP_ATTN") ? env.text("DECODE_DP_ATTN", "") : ""
  };
}
function classifyTopology(envMap) {
  const env = new EnvReader(envMap);
  const hardware = { prefill: envMap.PREFILL_HARDWARE ?? "", decode: envMap.DECODE_HARDWARE ?? "" };
  if (hardware.prefill === "" !== (hardware.decode === "")) {
    const [set, unset] = hardware.prefill === "" ? ["DECODE_HARDWARE", "PREFILL_HARDWARE"] : ["PREFILL_HARDWARE", "DECODE_HARDWARE"];
    env.problems.push({
      variable: unset,
      problem: `missing while ${set} is set; expected both hardware names (heterogeneous deployment) or neither`
    });
  }
  if (!envFlag(envMap.IS_MULTINODE)) {
    if (envFlag(envMap.DISAGG)) {
      env.problems.push({
        variable: "DISAGG",
        problem: "is true but IS_MULTINODE is not; a disaggregated run needs separate prefill and decode nodes (set IS_MULTINODE=true with PREFILL_*/DECODE_*, or DISAGG=false)"
      });
    }
    const tp = env.integer("TP", 1, "the tensor-parallel size");
    const ep = env.integer("EP_SIZE", 0, "the expert-parallel size");
    const dpAttention = env.text("DP_ATTENTION", "the data-parallel attention flag (true/false)");
    const pp = env.integer("PP_SIZE", 1, "the pipeline-parallel size (default 1)", 1);
    const dcpSize = env.integer("DCP_SIZE", 1, "the decode-context-parallel size (default 1)", 1);
    const pcpSize = env.integer("PCP_SIZE", 1, "the prefill-context-parallel size (default 1)", 1);
    if (env.problems.length > 0) return { ok: false, problems: env.problems };
    return {
      ok: true,
      topology: {
        kind: "single-node",
        disagg: false,
        tp,
        pp,
        dcpSize,
        pcpSize,
        ep,
        dpAttention,
        gpuCount: tp * pp * pcpSize
      }
    };
  }
  const prefillGpus = env.integer("PREFILL_GPUS", 1, "the number of prefill GPUs (all GPUs in an aggregated run)");
  const decodeGpus = env.integer("DECODE_GPUS", 0, "the number of decode GPUs (0 for an aggregated run)");
  const prefill = pool(env, "PREFILL", prefillGpus);
  const aggregated = multinodeKind(decodeGpus) === "multinode-agg";
  const decode = aggregated ? absentDecodePool(env) : pool(env, "DECODE", decodeGpus);
  if (env.problems.length > 0) return { ok: false, problems: env.problems };
  const topology = {
    kind: aggregated ? "multinode-agg" : "multinode-disagg",
    disagg: !aggregated,
    prefill,
    decode,
    totalGpus: prefillGpus + decodeGpus
  };
  if (hardware.prefill !== "") {
    topology.prefillHardware = hardware.prefill;
    topology.decodeHardware = hardware.decode;
  }
  return { ok: true, topology };
}
function multinodeKind(decodeGpus) {
  return decodeGpus === 0 ? "multinode-agg" : "multinode-disagg";
}
function topologyGpuCount(topology) {
  return topology.kind === "single-node" ? topology.gpuCount : topology.totalGpus;
}

// src/core/multinode/identity.ts
function checkDeviceIdentity(expected, observed) {
  const reasons = [];
  const expectedKeys = new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  const observedKeys = new Set(observed.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  if (expectedKeys.size === 0 || [...expectedKeys].some((k) => !observedKeys.has(k)))
    reasons.push("expected_device_missing");
  if ([...observedKeys].some((k) => !expectedKeys.has(k))) reasons.push("unexpected_device");
  const uuids = observed.map((d) => d.uuids[0]);
  if (observed.some((d) => d.uuids.length !== 1) || new Set(uuids).size !== uuids.length)
    reasons.push("gpu_uuid_changed");
  const roles = /* @__PURE__ */ new Map();
  let roleConflict = false;
  for (const device of expected) {
    const distinct = new Set(device.roles);
    if (distinct.size !== 1) roleConflict = true;
    else roles.set(deviceKey(device.hostname, device.gpuIndex), device.roles[0]);
  }
  if (roleConflict) {
    reasons.push("conflicting_worker_roles");
    roles.clear();
  }
  if (!hetGroupsByHost(expected).ok) reasons.push("conflicting_het_groups");
  return { reasons, roles };
}
function hetGroupsByHost(expected) {
  const groups = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const distinct = new Set(device.hetGroups);
    if (distinct.size !== 1) return { ok: false, groups };
    const group = device.hetGroups[0];
    if (groups.has(device.hostname) && groups.get(device.hostname) !== group) return { ok: false, groups };
    groups.set(device.hostname, group);
  }
  return { ok: true, groups };
}
function checkRoleTopology(expected, roles, expectedRoles2) {
  const failures = [];
  const counts = /* @__PURE__ */ new Map();
  for (const role of roles.values()) counts.set(role, (counts.get(role) ?? 0) + 1);
  const found = [...counts.keys()].sort();
  const wanted = [...expectedRoles2.keys()].sort();
  if (found.join(",") !== wanted.join(","))
    failures.push(`expected roles [${wanted.join(", ")}], the manifest assigns [${found.join(", ")}]`);
  for (const role of wanted) {
    if ((counts.get(role) ?? 0) !== expectedRoles2.get(role))
      failures.push(`expected ${expectedRoles2.get(role)} ${role} GPUs, the manifest assigns ${counts.get(role) ?? 0}`);
  }
  const het = hetGroupsByHost(expected);
  if (!het.ok) return [...failures, "conflicting_het_groups (topology)"];
  const perRole = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const role = roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role === void 0) continue;
    let set = perRole.get(role);
    if (!set) perRole.set(role, set = /* @__PURE__ */ new Set());
    set.add(het.groups.get(device.hostname) ?? null);
  }
  const plainJob = [...het.groups.values()].every((g) => g === null);
  const assigned = [];
  for (const role of [...perRole.keys()].sort()) {
    const groups = perRole.get(role);
    if (groups.size !== 1) {
      failures.push(
        `role ${role} spans het groups [${[...groups].map(String).sort().join(", ")}], expected exactly one`
      );
      continue;
    }
    const group = [...groups][0];
    if (group === null) {
      if (!plainJob) failures.push(`role ${role} has het group None while other devices report real het groups`);
      continue;
    }
    assigned.push(group);
  }
  if (new Set(assigned).size !== assigned.length) failures.push("roles share a het group");
  return failures;
}
function expectedRoles(prefillGpus, decodeGpus, assigned) {
  const aggregated = multinodeKind(decodeGpus) === "multinode-agg";
  const aggPool = aggregated && assigned.size > 0 && [...assigned.values()].every((role) => role === "agg");
  const roles = /* @__PURE__ */ new Map();
  if (prefillGpus > 0) roles.set(aggPool ? "agg" : "prefill", prefillGpus);
  if (decodeGpus > 0) roles.set("decode", decodeGpus);
  return roles;
}
var energyPool = (role) => role === "agg" ? "prefill" : role;

// src/core/multinode/windows.ts
function isSafeRelativeSubpath(value) {
  if (value === "" || value.startsWith("/") || value.startsWith("~") || value.includes("\0")) return false;
  const parts = value.split("/").filter((p) => p !== "" && p !== ".");
  return parts.length > 0 && !parts.includes("..");
}
var stem = (name) => {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
};
function parseWindow(payload, fileName, staysBelow) {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    return { reason: "measurement_window_malformed" };
  const p = payload;
  const { status, concurrency, benchmark_type: benchmarkType, benchmark_start_time_unix: start } = p;
  if (p.schema_version !== PACKAGE_SCHEMA_VERSION || p.clock_source !== CLOCK_SOURCE || !WINDOW_STATUSES.includes(status) || typeof benchmarkType !== "string" || !Number.isInteger(concurrency) || !isFiniteNumber(start)) {
    return { reason: "measurement_window_malformed" };
  }
  const resultPath = p.result_path;
  if (typeof resultPath !== "string" || !isSafeRelativeSubpath(resultPath) || !staysBelow(resultPath) || stem(resultPath) !== stem(fileName)) {
    return { reason: "measurement_window_result_path_invalid" };
  }
  const end = p.benchmark_end_time_unix ?? null;
  const duration = p.duration ?? null;
  const reason = p.reason ?? null;
  let ok;
  if (status === "running") ok = end === null && duration === null && reason === null;
  else if (status === "interrupted")
    ok = end === null && duration === null && typeof reason === "string" && reason !== "";
  else if (!isFiniteNumber(end) || !isFiniteNumber(duration) || duration <= 0) ok = false;
  else ok = status === "completed" ? reason === null : typeof reason === "string" && reason !== "";
  if (!ok) return { reason: "measurement_window_malformed" };
  return {
    window: {
      relativePath: `windows/${fileName}`,
      benchmarkType,
      concurrency,
      resultPath,
      status,
      start,
      end,
      duration
    }
  };
}
function checkWindowResult(window, result) {
  if (result === void 0) return ["measurement_window_result_missing"];
  if (typeof result !== "object" || result === null || Array.isArray(result))
    return ["measurement_window_result_mismatch"];
  const r = result;
  if (r.benchmark_start_time_unix !== window.start || r.benchmark_end_time_unix !== window.end || r.duration !== window.duration)
    return ["measurement_window_result_mismatch"];
  const wall = window.end - window.start;
  const tolerance = Math.max(0.5, 0.01 * window.duration);
  return Math.abs(wall - window.duration) > tolerance ? ["measurement_window_clock_mismatch"] : [];
}
function integrateDevice(device, start, end) {
  const integrator = new DeviceIntegrator(start, end);
  for (let i = 0; i < device.times.length; i++) integrator.push(device.times[i], device.powers[i]);
  return integrator.finish();
}
function checkCoverage(start, end, expected, observed) {
  const gaps = {};
  const reasons = [];
  const keys = [...new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)))].sort();
  for (const key of keys) {
    const device = observed.get(key);
    if (!device) {
      reasons.push("measurement_window_not_bracketed");
      continue;
    }
    if (device.uuids.length !== 1) {
      reasons.push("gpu_uuid_changed");
      continue;
    }
    const result = integrateDevice(device, start, end);
    if (result.issue !== void 0) {
      reasons.push("measurement_window_not_bracketed");
      continue;
    }
    gaps[`${device.hostname}/${device.uuids[0]}`] = result.maxGapS;
    if (result.maxGapS > PACKAGE_MAX_SAMPLE_GAP_S) reasons.push("sample_gap_exceeded");
  }
  return { gaps, reasons };
}
var windowKey = (benchmarkType, concurrency) => JSON.stringify([benchmarkType, concurrency]);
function scanWindows(folder, entries) {
  const scan = { parsed: /* @__PURE__ */ new Map(), duplicates: /* @__PURE__ */ new Set(), artifactErrors: [] };
  if (folder === "absent") return scan;
  if (folder === "escapes") {
    scan.artifactErrors.push({ path: "windows", reason_codes: ["measurement_window_artifact_path_invalid"] });
    return scan;
  }
  for (const entry of entries) {
    const relativePath = `windows/${entry.name}`;
    if (!entry.isPlainFile) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: ["measurement_window_artifact_path_invalid"] });
      continue;
    }
    const result = entry.readable ? parseWindow(entry.payload, entry.name, () => entry.resultPathStaysBelow) : { reason: "measurement_window_malformed" };
    if (!result.window) {
      scan.artifactErrors.push({ path: relativePath, reason_codes: [result.reason] });
      continue;
    }
    const key = windowKey(result.window.benchmarkType, result.window.concurrency);
    const earlier = scan.parsed.get(key);
    if (earlier || scan.duplicates.has(key)) {
      scan.duplicates.add(key);
      if (earlier)
        scan.artifactErrors.push({ path: earlier.relativePath, reason_codes: ["measurement_window_duplicate"] });
      scan.artifactErrors.push({ path: relativePath, reason_codes: ["measurement_window_duplicate"] });
      scan.parsed.delete(key);
      continue;
    }
    scan.parsed.set(key, result.window);
  }
  return scan;
}
function validateWindows(scan, expectedWindows, expected, observed, originalOf) {
  const expectedKeys = new Set(expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency)));
  const unexpected = [...scan.parsed.values()].filter(
    (w) => !expectedKeys.has(windowKey(w.benchmarkType, w.concurrency))
  );
  unexpected.sort(
    (a, b) => a.benchmarkType < b.benchmarkType ? -1 : a.benchmarkType > b.benchmarkType ? 1 : a.concurrency - b.concurrency
  );
  for (const w of unexpected)
    scan.artifactErrors.push({ path: w.relativePath, reason_codes: ["measurement_window_unexpected"] });
  const validations = [];
  for (const want of expectedWindows) {
    const key = windowKey(want.benchmarkType, want.concurrency);
    const window = scan.parsed.get(key);
    if (!window) {
      validations.push({
        benchmark_type: want.benchmarkType,
        concurrency: want.concurrency,
        window_file: null,
        power_coverage_valid: false,
        reason_codes: [scan.duplicates.has(key) ? "measurement_window_duplicate" : "measurement_window_missing"],
        per_device_max_sample_gap_seconds: {}
      });
      continue;
    }
    const reasons = [];
    if (window.status !== "completed") reasons.push("measurement_window_incomplete");
    else reasons.push(...checkWindowResult(window, originalOf(window.resultPath)));
    let gaps = {};
    if (reasons.length === 0) {
      const coverage = checkCoverage(window.start, window.end, expected, observed);
      reasons.push(...coverage.reasons);
      if (coverage.reasons.length === 0) gaps = coverage.gaps;
    }
    validations.push({
      benchmark_type: want.benchmarkType,
      concurrency: want.concurrency,
      window_file: window.relativePath,
      power_coverage_valid: reasons.length === 0,
      reason_codes: [...new Set(reasons)],
      per_device_max_sample_gap_seconds: gaps
    });
  }
  return validations;
}
function completedWindows(scan) {
  return [...scan.parsed.values()].filter((w) => w.status === "completed");
}

// src/core/multinode/json-equal.ts
function pyEqual(a, b) {
  const scalar = (v) => typeof v === "boolean" ? Number(v) : v;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    return ak.length === bk.length && ak.every(
      (k) => Object.hasOwn(b, k) && pyEqual(a[k], b[k])
    );
  }
  return scalar(a) === scalar(b);
}
function canonicalJson(value) {
  if (value instanceof PyRawValue) return value.raw;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/core/insights/roles.ts
function roleInsights(devices, options) {
  const roles = [...new Set(devices.map((d) => d.role))].sort();
  const out = {};
  for (const role of roles) {
    const members = devices.filter((d) => d.role === role);
    const accumulator = new InsightAccumulator({
      start: options.start,
      end: options.end,
      maxSampleGapS: options.maxSampleGapS,
      expectedGpus: members.length,
      ...roles.length === 1 ? { outputTokens: options.outputTokens } : {},
      ...options.concurrency !== void 0 ? { concurrency: options.concurrency } : {}
    });
    const cursor = members.map(() => 0);
    for (; ; ) {
      let next = -1;
      for (let m = 0; m < members.length; m++) {
        const i2 = cursor[m];
        const device2 = members[m];
        if (i2 < device2.times.length && (next < 0 || device2.times[i2] < members[next].times[cursor[next]]))
          next = m;
      }
      if (next < 0) break;
      const device = members[next];
      const i = cursor[next];
      accumulator.pushValues(device.times[i], device.label, device.powers[i]);
      cursor[next] = i + 1;
    }
    const insights = accumulator.finish();
    out[role] = {
      gpus: members.map((d) => d.label).sort(compareGpuIds),
      phases: insights.phases,
      quality: insights.quality,
      efficiency: insights.efficiency
    };
  }
  return out;
}

// src/core/multinode/audit.ts
function fail(audit, code, message) {
  audit.findings.add(code, message);
  audit.failures.push(message);
}
function auditPackage(files, options) {
  const audit = {
    findings: new Findings(),
    failures: [],
    storedValid: null,
    recomputedValid: null,
    producerCommit: null,
    exporterImageSha256: null,
    selectedWindow: null,
    perGpuRole: {},
    devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
    expectedGpuCount: 0,
    observedGpuCount: 0,
    metrics: {},
    roleInsights: null
  };
  const { powerDir, manifestPath } = files;
  if (files.unreadable || !files.manifest) {
    const gate = files.unreadable ?? { code: "manifest_malformed", message: `${manifestPath}: not a JSON object.` };
    fail(audit, gate.code, gate.message);
    return audit;
  }
  const manifest = files.manifest;
  audit.storedValid = typeof manifest.publication_valid === "boolean" ? manifest.publication_valid : null;
  audit.producerCommit = typeof manifest.producer_git_commit === "string" ? manifest.producer_git_commit : null;
  const exporter = manifest.dcgm_exporter;
  if (typeof exporter === "object" && exporter !== null && typeof exporter.container_image_sha256 === "string")
    audit.exporterImageSha256 = exporter.container_image_sha256;
  if (!options.expectedProducerSha)
    fail(
      audit,
      "producer_pin_missing",
      "no expected producer commit; set POWER_PRODUCER_SHA or the expected-producer-sha option."
    );
  else if (audit.producerCommit !== options.expectedProducerSha)
    fail(
      audit,
      "producer_commit_mismatch",
      `${manifestPath}: producer_git_commit ${JSON.stringify(audit.producerCommit)} is not the expected ${options.expectedProducerSha}.`
    );
  const recompute = checkWireContract(manifest);
  let expected;
  let expectedWindows;
  try {
    expected = parseExpectedDevices(manifest);
    expectedWindows = parseExpectedWindows(manifest);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    fail(audit, "manifest_malformed", `${manifestPath}: ${error.message}.`);
    audit.recomputedValid = false;
    return audit;
  }
  if (files.samplesEscape !== void 0) fail(audit, "telemetry_path_outside_workspace", files.samplesEscape);
  recompute.push(...files.samples.reasons.map((r) => `${r} in samples.csv`));
  const observed = files.samples.summary.devices;
  const observedByKey = new Map(observed.map((d) => [deviceKey(d.hostname, d.gpuIndex), d]));
  const identity = checkDeviceIdentity(expected, observed);
  recompute.push(...identity.reasons.map((r) => `${r} (device identity/topology)`));
  const scan = { ...files.windows, artifactErrors: [...files.windows.artifactErrors] };
  const validations = validateWindows(
    scan,
    expectedWindows,
    expected,
    observedByKey,
    (resultPath) => files.originals.get(resultPath)?.value
  );
  if (expectedWindows.length === 0) recompute.push("no expected measurement window");
  for (const v of validations)
    recompute.push(
      ...v.reason_codes.map((r) => `${r} (window ${String(v.benchmark_type)}/${String(v.concurrency)})`)
    );
  for (const e of scan.artifactErrors) recompute.push(...e.reason_codes.map((r) => `${r} (${e.path})`));
  recompute.push(
    ...storedEvidenceFailures(manifest, files.samples.summary, observed, validations, scan, expected, expectedWindows)
  );
  audit.recomputedValid = recompute.length === 0;
  audit.failures.push(...recompute);
  if (recompute.length > 0) {
    audit.findings.add(
      "package_recompute_invalid",
      `${powerDir}: the package does not pass its own contract: ${recompute.slice(0, 5).join("; ")}${recompute.length > 5 ? `; and ${recompute.length - 5} more (see failures)` : ""}.`
    );
  }
  if (audit.storedValid !== audit.recomputedValid) {
    fail(
      audit,
      "producer_verdict_mismatch",
      `${manifestPath}: stored publication_valid=${String(audit.storedValid)} but the recomputation says ${String(audit.recomputedValid)}.`
    );
  } else if (audit.storedValid !== true) {
    fail(audit, "package_recompute_invalid", `${manifestPath}: stored and recomputed verdicts are both invalid.`);
  }
  const wanted = expectedRoles(options.prefillGpus, options.decodeGpus, identity.roles);
  if (wanted.size === 0)
    fail(audit, "topology_env_mismatch", "PREFILL_GPUS and DECODE_GPUS are both zero; pass the job GPU counts.");
  else if (identity.roles.size > 0) {
    for (const failure of checkRoleTopology(expected, identity.roles, wanted))
      fail(
        audit,
        "topology_env_mismatch",
        `${manifestPath}: ${failure} (prefill-gpus ${options.prefillGpus}, decode-gpus ${options.decodeGpus}).`
      );
  }
  audit.expectedGpuCount = expected.length;
  audit.observedGpuCount = observed.length;
  for (const device of expected) {
    const role = identity.roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role)
      audit.perGpuRole[deviceLabel(device.hostname, device.gpuIndex, observedByKey.get(deviceKey(device.hostname, device.gpuIndex)))] = role;
  }
  const window = selectWindow(audit, files, options.benchResult, options.bench);
  if (!window || !options.bench || expected.length === 0) return audit;
  integrate(audit, files.samplesPath, window, options, expected, observedByKey, identity.roles);
  return audit;
}
function storedEvidenceFailures(manifest, samples, observed, validations, scan, expected, expectedWindows) {
  const failures = [];
  const rowCount = samples.rowCount;
  if (manifest.sample_row_count !== rowCount)
    failures.push(`sample_row_count is ${JSON.stringify(manifest.sample_row_count)}, samples.csv has ${rowCount} rows`);
  if (rowCount > 0) {
    const least = samples.maxSeq + 1;
    const scrapes = manifest.scrape_count;
    if (!(typeof scrapes === "number" && Number.isInteger(scrapes) && scrapes >= least))
      failures.push(`scrape_count is ${JSON.stringify(scrapes)}, samples.csv needs at least ${least}`);
  }
  if (observed.length === 0) failures.push("observed_devices is empty");
  if (!pyEqual(manifest.observed_devices, observed.map(observedDeviceRecord)))
    failures.push("observed_devices does not match the devices derived from samples.csv");
  if (!pyEqual(manifest.window_validations, validations))
    failures.push("window_validations does not match the recomputed window audit");
  if (!pyEqual(manifest.artifact_errors, scan.artifactErrors))
    failures.push("artifact_errors does not match the recomputed artifact scan");
  const deviceKeys = expected.map((d) => deviceKey(d.hostname, d.gpuIndex));
  if (new Set(deviceKeys).size !== deviceKeys.length) failures.push("expected_devices contains duplicate keys");
  const windowKeys = expectedWindows.map((w) => windowKey(w.benchmarkType, w.concurrency));
  if (new Set(windowKeys).size !== windowKeys.length) failures.push("expected_windows contains duplicate keys");
  return failures;
}
function selectWindow(audit, files, benchResult, bench) {
  const processed = files.processed;
  if (processed.error !== void 0 || typeof processed.value !== "object" || processed.value === null || Array.isArray(processed.value)) {
    fail(audit, "invalid_benchmark_result", `${benchResult}: ${processed.error ?? "not a JSON object"}.`);
    return void 0;
  }
  const concurrency = processed.value.max_concurrency;
  const matches = [...files.windows.parsed.values()].filter(
    (w) => w.status === "completed" && w.concurrency === concurrency
  );
  if (matches.length !== 1) {
    fail(
      audit,
      "window_for_result_missing",
      `found ${matches.length} completed measurement windows for max_concurrency ${JSON.stringify(concurrency)} in the power package; expected exactly one.`
    );
    return void 0;
  }
  const window = matches[0];
  const read = files.originals.get(window.resultPath);
  const original = read?.value;
  if (original === void 0) {
    fail(
      audit,
      "measurement_window_result_missing",
      `${read?.path ?? window.resultPath}: the original result of ${window.relativePath} cannot be read.`
    );
    return void 0;
  }
  if (canonicalJson(original) !== canonicalJson(processed.value)) {
    fail(
      audit,
      "result_content_mismatch",
      `${benchResult} differs from the original ${window.resultPath} that ${window.relativePath} measured.`
    );
    return void 0;
  }
  if (bench && (bench.startUnix !== window.start || bench.endUnix !== window.end)) {
    fail(
      audit,
      "measurement_window_result_mismatch",
      `${benchResult}: benchmark window ${bench.startUnix}..${bench.endUnix} is not ${window.relativePath}'s ${window.start}..${window.end}.`
    );
    return void 0;
  }
  audit.selectedWindow = {
    window_file: window.relativePath,
    result_path: window.resultPath,
    benchmark_type: window.benchmarkType,
    concurrency: window.concurrency,
    start_time_unix: window.start,
    end_time_unix: window.end,
    duration: window.duration
  };
  return window;
}
function integrate(audit, samplesPath, window, options, expected, observedByKey, roles) {
  const bench = options.bench;
  const results = /* @__PURE__ */ new Map();
  const roleOf = /* @__PURE__ */ new Map();
  for (const device of expected) {
    const key = deviceKey(device.hostname, device.gpuIndex);
    const seen = observedByKey.get(key);
    const label = deviceLabel(device.hostname, device.gpuIndex, seen);
    results.set(
      label,
      seen ? integrateDevice(seen, window.start, window.end) : { sampleCount: 0, issue: "insufficient_power_samples" }
    );
    roleOf.set(label, roles.get(key));
  }
  try {
    const roleDevices = [];
    for (const device of expected) {
      const seen = observedByKey.get(deviceKey(device.hostname, device.gpuIndex));
      if (!seen) continue;
      const label = deviceLabel(device.hostname, device.gpuIndex, seen);
      roleDevices.push({ label, role: roleOf.get(label) ?? "unassigned", times: seen.times, powers: seen.powers });
    }
    audit.roleInsights = roleInsights(roleDevices, {
      start: window.start,
      end: window.end,
      maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S,
      outputTokens: bench.totalOutputTokens,
      ...bench.maxConcurrency !== void 0 ? { concurrency: bench.maxConcurrency } : {}
    });
  } catch {
    audit.roleInsights = null;
  }
  const integration = new Findings();
  audit.devices = summariseDevices(
    results,
    {
      start: window.start,
      end: window.end,
      maxSampleGapS: PACKAGE_MAX_SAMPLE_GAP_S,
      expectedGpus: options.prefillGpus + options.decodeGpus
    },
    integration,
    samplesPath
  );
  const overflowed = [];
  for (const [label, result] of results) {
    if (result.issue === void 0 && !Number.isFinite(result.energyJ)) {
      overflowed.push(label);
      audit.devices.energyJ[label] = result.energyJ;
      delete audit.devices.issues[label];
    }
  }
  for (const finding of integration.list())
    if (finding.code !== "power_value_out_of_range") audit.findings.add(finding.code, finding.message);
  if (audit.findings.size > 0) return;
  const overflowMessage = (what) => `${samplesPath}: ${what} overflowed; the samples hold absurd power values.`;
  if (overflowed.length > 0 || audit.devices.totalEnergyJ === void 0) {
    fail(
      audit,
      "non_finite_power_metric",
      overflowMessage(overflowed.length > 0 ? `the energy of ${overflowed.join(", ")}` : "total_gpu_energy_j")
    );
    return;
  }
  const metrics = { ...derivePowerMetrics(audit.devices.totalEnergyJ, expected.length, bench) };
  const poolEnergy = (pool2) => audit.devices.gpuIds.filter((id) => energyPool(roleOf.get(id)) === pool2).reduce((sum, id) => sum + audit.devices.energyJ[id], 0);
  if (options.prefillGpus > 0)
    Object.assign(metrics, deriveRoleMetrics("prefill", poolEnergy("prefill"), options.prefillGpus, bench));
  if (options.decodeGpus > 0)
    Object.assign(metrics, deriveRoleMetrics("decode", poolEnergy("decode"), options.decodeGpus, bench));
  const nonFinite = Object.keys(metrics).filter((k) => !Number.isFinite(metrics[k])).sort();
  if (nonFinite.length > 0) {
    fail(audit, "non_finite_power_metric", overflowMessage(nonFinite.join(", ")));
    return;
  }
  audit.metrics = metrics;
}

// src/core/multinode/sidecar.ts
function buildPackageSidecar(input) {
  const { audit, bench } = input;
  return {
    schema_version: 1,
    power_valid: input.valid,
    reasons: input.reasons.map((r) => r.code),
    reason_messages: Object.fromEntries(input.reasons.map((r) => [r.code, r.message])),
    failures: audit.failures,
    telemetry_source: input.powerDir,
    benchmark_result: input.benchResult,
    benchmark_window: benchmarkWindowRecord(bench),
    selected_window: audit.selectedWindow,
    integration_method: INTEGRATION_METHOD,
    max_sample_gap_s: PACKAGE_MAX_SAMPLE_GAP_S,
    producer: {
      producer_git_commit: audit.producerCommit,
      expected_producer_git_commit: input.expectedProducerSha ?? null,
      exporter_image_sha256: audit.exporterImageSha256,
      stored_publication_valid: audit.storedValid,
      recomputed_publication_valid: audit.recomputedValid
    },
    expected_gpu_count: audit.expectedGpuCount,
    observed_gpu_count: audit.observedGpuCount,
    per_gpu_role: audit.perGpuRole,
    per_gpu_sample_counts: audit.devices.sampleCounts,
    per_gpu_max_sample_gap_s: audit.devices.maxGapS,
    // Overflowed energies become null: strict JSON parsers reject Infinity.
    per_gpu_energy_j: Object.fromEntries(
      Object.entries(audit.devices.energyJ).map(([k, v]) => [k, Number.isFinite(v) ? v : null])
    ),
    device_issues: audit.devices.issues,
    metrics: Object.fromEntries(Object.entries(audit.metrics).map(([k, v]) => [k, pyRound(v, 6)])),
    insights: audit.roleInsights === null ? null : { roles: audit.roleInsights }
  };
}

// src/io/power-package.ts
var MAX_PACKAGE_JSON_BYTES = 64 * 1024 * 1024;
async function isDirectory(path) {
  return stat4(path).then(
    (s) => s.isDirectory(),
    () => false
  );
}
function splitRow(line) {
  if (!line.includes('"')) return line.split(",");
  try {
    return parse(line, { relax_column_count: true })[0] ?? [];
  } catch {
    return [];
  }
}
async function readSamples(path) {
  const table = new SampleTable();
  const reasons = /* @__PURE__ */ new Set();
  const empty = () => new SampleTable().summarise();
  const info = await stat4(path).catch(() => void 0);
  if (!info?.isFile()) return { summary: empty(), reasons: ["samples_csv_missing"] };
  let headerOk;
  try {
    await readLines(path, {
      line: (text, lineNo) => {
        if (lineNo === 1) {
          const header = splitRow(text);
          headerOk = header.length === SAMPLES_HEADER.length && header.every((c, i) => c === SAMPLES_HEADER[i]);
          return;
        }
        const row = parseSampleRow(splitRow(text));
        if (row) table.add(row);
        else reasons.add("samples_csv_malformed");
      },
      overlong: () => reasons.add("samples_csv_malformed"),
      wantsMore: () => headerOk !== false && table.totalRows < MAX_SAMPLE_ROWS
    });
  } catch {
    reasons.add("samples_csv_malformed");
  }
  if (headerOk !== true) return { summary: empty(), reasons: ["samples_csv_header_mismatch"] };
  if (table.totalRows >= MAX_SAMPLE_ROWS) reasons.add("samples_csv_too_large");
  const summary = table.summarise();
  if (summary.duplicateRows > 0) reasons.add("duplicate_sample_row");
  if (summary.nonMonotonic) reasons.add("timestamp_non_monotonic");
  return { summary, reasons: [...reasons] };
}
async function readWindowEntries(powerDir, logsRoot) {
  const windowsDir = join4(powerDir, "windows");
  if (!await isDirectory(windowsDir)) return { folder: "absent", entries: [] };
  if (escapesRoot(powerDir, windowsDir) !== void 0) return { folder: "escapes", entries: [] };
  const entries = [];
  for (const name of (await readdir2(windowsDir)).sort()) {
    const info = await lstat(join4(windowsDir, name)).catch(() => void 0);
    if (!info || info.isSymbolicLink() || !info.isFile()) {
      entries.push({ name, isPlainFile: false, readable: false, resultPathStaysBelow: false });
      continue;
    }
    const payload = await readJsonBounded(join4(windowsDir, name), MAX_PACKAGE_JSON_BYTES, { python: true });
    const candidate = payload.value?.result_path;
    const staysBelow = typeof candidate === "string" && escapesRoot(logsRoot, join4(logsRoot, candidate)) === void 0;
    entries.push({
      name,
      isPlainFile: true,
      readable: payload.error === void 0,
      payload: payload.value,
      resultPathStaysBelow: staysBelow
    });
  }
  return { folder: "inside", entries };
}
var emptySamples = (reason) => ({
  summary: new SampleTable().summarise(),
  reasons: [reason]
});
async function readPowerPackage(powerDir, logsRoot, benchResult) {
  const manifestPath = join4(powerDir, "manifest.json");
  const samplesPath = join4(powerDir, "samples.csv");
  const files = {
    powerDir,
    manifestPath,
    samplesPath,
    samples: emptySamples("samples_csv_missing"),
    windows: scanWindows("absent", []),
    originals: /* @__PURE__ */ new Map(),
    processed: {}
  };
  const closed = (code, message) => ({ ...files, unreadable: { code, message } });
  if (!await isDirectory(powerDir))
    return closed(
      "power_artifacts_missing",
      `${powerDir}: no power package folder. Enable the dcgm power collector for the job, or set the power-dir option (POWER_ARTIFACT_DIR).`
    );
  const manifestInfo = await stat4(manifestPath).catch(() => void 0);
  if (!manifestInfo?.isFile())
    return closed(
      "manifest_missing",
      `${manifestPath}: no such file; the collector did not finish writing its package.`
    );
  const manifestEscape = escapesRoot(powerDir, manifestPath);
  if (manifestEscape !== void 0) return closed("telemetry_path_outside_workspace", manifestEscape);
  const read = await readJsonBounded(manifestPath, MAX_PACKAGE_JSON_BYTES, { python: true });
  if (read.error !== void 0 || typeof read.value !== "object" || read.value === null || Array.isArray(read.value))
    return closed("manifest_malformed", `${manifestPath}: ${read.error ?? "not a JSON object"}.`);
  files.manifest = read.value;
  files.samplesEscape = escapesRoot(powerDir, samplesPath);
  files.samples = files.samplesEscape === void 0 ? await readSamples(samplesPath) : emptySamples("samples_csv_missing");
  const windows = await readWindowEntries(powerDir, logsRoot);
  files.windows = scanWindows(windows.folder, windows.entries);
  const originals = /* @__PURE__ */ new Map();
  for (const window of completedWindows(files.windows)) {
    if (originals.has(window.resultPath)) continue;
    const path = join4(logsRoot, window.resultPath);
    const original = await readJsonBounded(path, MAX_JSON_BYTES, { python: true });
    originals.set(window.resultPath, { path, value: original.value });
  }
  files.originals = originals;
  const processed = await readJsonBounded(benchResult, MAX_JSON_BYTES, { python: true });
  files.processed = { value: processed.value, error: processed.error };
  return files;
}

// src/io/multinode-power-run.ts
async function measurePackagePower(options) {
  const benchResult = resolve3(options.cwd, options.benchResult);
  const aggResult = resolve3(options.cwd, options.aggResult);
  const powerDir = resolve3(options.cwd, options.powerDir ?? (options.env.POWER_ARTIFACT_DIR || "LOGS/power"));
  const logsRoot = resolve3(options.cwd, options.logsRoot ?? (options.env.POWER_RESULT_ROOT || "LOGS"));
  const sidecarPath = options.validationResult ? resolve3(options.cwd, options.validationResult) : defaultSidecarPath(benchResult);
  const expectedProducerSha = options.expectedProducerSha ?? (options.env.POWER_PRODUCER_SHA || void 0);
  const log = { stdout: [], stderr: [] };
  const bench = await loadBench(benchResult);
  const files = await readPowerPackage(powerDir, logsRoot, benchResult);
  const effective = bench.findings.length === 0 ? bench.window : void 0;
  const audit = auditPackage(files, {
    benchResult,
    bench: effective,
    prefillGpus: options.prefillGpus,
    decodeGpus: options.decodeGpus,
    expectedProducerSha
  });
  for (const finding of bench.findings) {
    audit.findings.add(finding.code, finding.message);
    audit.failures.push(finding.message);
  }
  let valid = audit.findings.size === 0 && Object.keys(audit.metrics).length > 0;
  if (!valid) audit.metrics = {};
  const aggPatched = await patchAggPower(aggResult, valid, audit.metrics, audit.findings);
  if (!aggPatched) {
    valid = false;
    audit.metrics = {};
  }
  const reasons = audit.findings.list();
  const sidecar = buildPackageSidecar({
    valid,
    reasons,
    audit,
    powerDir,
    benchResult,
    bench: bench.window,
    expectedProducerSha
  });
  const sidecarWritten = await writeSidecar(sidecarPath, sidecar, "aggregate-multinode", log.stderr);
  if (valid) {
    const m = audit.metrics;
    const role = (key) => m[key] === void 0 ? "" : ` ${key}=${m[key].toFixed(2)}`;
    log.stdout.push(
      `sweep-power aggregate-multinode: avg_power_w=${m.avg_power_w.toFixed(2)} total_gpu_energy_j=${m.total_gpu_energy_j.toFixed(2)}${role("prefill_gpu_energy_j")}${role("decode_gpu_energy_j")} (n=${audit.expectedGpuCount}) -> ${aggResult}`
    );
  } else {
    log.stderr.push(...powerFailureLines("aggregate-multinode", reasons, sidecarPath));
  }
  return {
    valid,
    reasons,
    metrics: audit.metrics,
    aggResult,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    exitCode: powerExitCode(valid, sidecarWritten, options.requirePower),
    log
  };
}

// src/commands/aggregate-multinode.ts
async function runAggregateMultinode(options) {
  return measurePackagePower(options);
}

// src/commands/job.ts
import { existsSync as existsSync4 } from "node:fs";
import { basename as basename5, dirname as dirname6, join as join8, relative as relative3, resolve as resolve6 } from "node:path";

// src/io/job-inputs.ts
import { readdir as readdir3 } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import { basename as basename2, join as join5 } from "node:path";
var JobInputError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
};
async function resolveSingleInput(workspace, inputName, value) {
  if (!hasGlob(value)) return confinePath(workspace, value);
  const { files } = await findFiles(workspace, value, { maxFiles: 2 });
  if (files.length === 0)
    throw new JobInputError(
      "telemetry_file_missing",
      `input '${inputName}': "${value}" matches no file in the workspace`
    );
  if (files.length > 1)
    throw new JobInputError(
      "input_matches_many",
      `input '${inputName}': "${value}" matches more than one file (${files.map((f) => basename2(f)).join(", ")}, \u2026); make it match exactly one`
    );
  return files[0];
}
async function locateTelemetry(workspace, input, env) {
  if (input) {
    const path = await resolveSingleInput(workspace, "gpu-metrics", input);
    return { path, searched: [path], found: existsSync(path), refused: [] };
  }
  return resolveTelemetryPath(env, workspace);
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
async function locateBenchResult(workspace, input, env) {
  const named = input ?? env.RESULT_FILENAME;
  if (named) {
    const file = named.endsWith(".json") ? named : `${named}.json`;
    const path2 = await confinePath(workspace, file);
    if (!isFile(path2))
      throw new JobInputError(
        "bench_result_missing",
        `${input ? "input 'result-filename'" : "RESULT_FILENAME"}: ${path2} does not exist`
      );
    return { path: path2, resultFilename: basename2(file).replace(/\.json$/, ""), refused: [] };
  }
  const candidates = [];
  const refused = [];
  for (const name of (await readdir3(workspace)).sort()) {
    if (!name.endsWith(".json") || name.startsWith("agg_") || name.startsWith("power_validation_")) continue;
    const path2 = join5(workspace, name);
    const why = escapesRoot(workspace, path2);
    if (why !== void 0) {
      refused.push(why);
      continue;
    }
    const parsed = (await readJsonBounded(path2, 64 * 1024 * 1024)).value;
    if (typeof parsed === "object" && parsed !== null && "benchmark_start_time_unix" in parsed) candidates.push(path2);
  }
  if (candidates.length === 0)
    throw new JobInputError(
      "bench_result_missing",
      `no benchmark result in ${workspace}: set input 'result-filename' or RESULT_FILENAME, or write one *.json with benchmark_start_time_unix${refused.length > 0 ? ` (refused: ${refused.join("; ")})` : ""}`
    );
  if (candidates.length > 1)
    throw new JobInputError(
      "bench_result_ambiguous",
      `more than one benchmark result in ${workspace} (${candidates.map((c) => basename2(c)).join(", ")}); set input 'result-filename'`
    );
  const path = candidates[0];
  return { path, resultFilename: basename2(path).replace(/\.json$/, ""), refused };
}
var AUDIT_SIDE_FILES = [
  "gpu_metrics_energy_start.csv",
  "gpu_metrics_energy_end.csv",
  "gpu_metrics_identity.json"
];
function auditSideFiles(folder, root) {
  const files = [];
  const refused = [];
  for (const path of AUDIT_SIDE_FILES.map((name) => join5(folder, name)).filter(isFile)) {
    const why = escapesRoot(root, path);
    if (why === void 0) files.push(path);
    else refused.push(why);
  }
  return { files, refused };
}

// src/io/result-run.ts
import { join as join6, resolve as resolve4 } from "node:path";

// src/core/bench-fields.ts
var NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
function numberOf(raw) {
  if (raw === "NaN") return Number.NaN;
  if (raw === "Infinity") return Infinity;
  if (raw === "-Infinity") return -Infinity;
  return NUMBER_TEXT.test(raw) ? Number(raw) : void 0;
}
function pyNumberOf(raw, kind) {
  if (raw === "true") return 1;
  if (raw === "false") return 0;
  if (raw.startsWith('"')) {
    let text;
    try {
      text = JSON.parse(raw);
    } catch {
      return void 0;
    }
    if (typeof text !== "string") return void 0;
    return kind === "int" ? pyIntOfText(text) : pyFloatOfText(text);
  }
  return numberOf(raw);
}
function describe2(raw) {
  if (raw.startsWith('"')) {
    const shown2 = raw.length > 40 ? `${raw.slice(0, 36)}..."` : raw;
    return `the string ${shown2.replace(/[\u0000-\u001f\u007f]/g, "?")}`;
  }
  const kind = raw.startsWith("[") ? "a list" : raw.startsWith("{") ? "an object" : raw;
  return kind.length > 40 ? `${kind.slice(0, 37)}...` : kind;
}
function readBench(text, source, problems) {
  const parsed = readTopLevelObject(text);
  if (!parsed.ok) {
    const trimmed = text.replace(/^\uFEFF/, "").trimStart();
    const what = trimmed.startsWith("[") ? "is a JSON list; expected one benchmark result object" : `is not a JSON object (${parsed.error})`;
    problems.push({
      subject: source,
      problem: `${what}. Point RESULT_FILENAME at the benchmark client's --save-result output.`
    });
    return void 0;
  }
  const values = /* @__PURE__ */ new Map();
  for (const member of parsed.members) values.set(member.key, member.valueRaw);
  const before = problems.length;
  const field = (key) => {
    const raw = values.get(key);
    if (raw === void 0)
      problems.push({
        subject: `${source}: ${key}`,
        problem: "missing; the benchmark client writes it in every result"
      });
    return raw;
  };
  const finite3 = (key) => {
    const raw = field(key);
    if (raw === void 0) return Number.NaN;
    const n = pyNumberOf(raw, "float");
    if (n === void 0 || !Number.isFinite(n)) {
      problems.push({
        subject: `${source}: ${key}`,
        problem: `is ${describe2(raw)}; expected a finite number (a number, or a string such as "6000.5" that Python's float() reads)`
      });
      return Number.NaN;
    }
    return n;
  };
  let concurrency = Number.NaN;
  const concRaw = field("max_concurrency");
  if (concRaw !== void 0) {
    const n = pyNumberOf(concRaw, "int");
    if (n === void 0 || !Number.isSafeInteger(n) || n <= 0)
      problems.push({
        subject: `${source}: max_concurrency`,
        problem: `is ${describe2(concRaw)}; expected a positive integer (a number, or a string such as "32" that Python's int() reads)`
      });
    else concurrency = n;
  }
  let modelId = "";
  const modelRaw = field("model_id");
  if (modelRaw !== void 0) {
    const value = modelRaw.startsWith('"') ? JSON.parse(modelRaw) : void 0;
    if (typeof value !== "string" || value === "")
      problems.push({
        subject: `${source}: model_id`,
        problem: `is ${describe2(modelRaw)}; expected the model name as a non-empty string`
      });
    else modelId = value;
  }
  const totalThroughput = finite3("total_token_throughput");
  const outputThroughput = finite3("output_throughput");
  const conversions = [];
  for (const [key, raw] of values) {
    const isMs = key.endsWith("ms");
    const isTpot = key.includes("tpot");
    if (!isMs && !isTpot) continue;
    const n = pyNumberOf(raw, "float");
    if (n === void 0) {
      problems.push({
        subject: `${source}: ${key}`,
        problem: `is ${describe2(raw)}; keys ending in "ms" or naming "tpot" must hold a number of milliseconds (or a string Python's float() reads)`
      });
      continue;
    }
    if (isMs) conversions.push([key.replaceAll("_ms", ""), pyJsonFloat(n / 1e3)]);
    if (isTpot) {
      if (n === 0) {
        problems.push({
          subject: `${source}: ${key}`,
          problem: "is 0; interactivity is 1000 / tpot, so tpot must be non-zero"
        });
        continue;
      }
      conversions.push([key.replaceAll("_ms", "").replaceAll("tpot", "intvty"), pyJsonFloat(1e3 / n)]);
    }
  }
  if (problems.length > before) return void 0;
  return { concurrency, modelId, totalThroughput, outputThroughput, conversions };
}

// src/core/process-result.ts
var MISSING_ENV_LEAD = "Missing required environment variables";
var REQUIRED_ENV = [
  "RUNNER_TYPE",
  "FRAMEWORK",
  "PRECISION",
  "SPEC_DECODING",
  "RESULT_FILENAME",
  "ISL",
  "OSL",
  "DISAGG",
  "MODEL_PREFIX",
  "IMAGE"
];
var COMPONENT_METADATA_ENV = [["ROUTER_METADATA", "router"]];
function checkResultFilename(name) {
  if (name === "") return "is empty; expected the benchmark result file name without .json";
  if (/[/\\]/.test(name) || name === "." || name === ".." || name.includes("\0")) {
    return `is "${name.replace(/[\u0000-\u001f]/g, "?")}"; expected a plain file name in the result folder (no path separators, no "..")`;
  }
  return void 0;
}
function componentMetadata(env, variable, problems) {
  const raw = env[variable];
  if (raw === void 0 || raw === "" || raw === "null") return void 0;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push({
      subject: variable,
      problem: 'is not valid JSON; expected {"name": "...", "version": "..."}',
      lead: `${variable} must contain valid JSON`
    });
    return void 0;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    problems.push({
      subject: variable,
      problem: 'is not a JSON object; expected exactly {"name": "...", "version": "..."}',
      lead: `${variable} must contain exactly 'name' and 'version'`
    });
    return void 0;
  }
  const keys = Object.keys(parsed);
  if (keys.length !== 2 || !keys.includes("name") || !keys.includes("version")) {
    problems.push({
      subject: variable,
      problem: `has keys [${keys.join(", ")}]; expected exactly "name" and "version"`,
      lead: `${variable} must contain exactly 'name' and 'version'`
    });
    return void 0;
  }
  const entries = Object.entries(parsed);
  if (!entries.every(([, v]) => typeof v === "string" && v !== "")) {
    problems.push({
      subject: variable,
      problem: "name and version must be non-empty strings",
      lead: `${variable} name and version must be non-empty strings`
    });
    return void 0;
  }
  return entries;
}
function topologyLead(env, variable) {
  if (env[variable] === void 0 && !variable.endsWith("_HARDWARE")) return MISSING_ENV_LEAD;
  const multinode = envFlag(env.IS_MULTINODE);
  if (variable === "DISAGG" && !multinode) return "Disaggregated mode requires multinode setup.";
  if (variable === "PREFILL_HARDWARE" || variable === "DECODE_HARDWARE")
    return "PREFILL_HARDWARE and DECODE_HARDWARE must be specified together.";
  if (multinode && (variable === "PREFILL_GPUS" || variable === "DECODE_GPUS")) {
    const prefill = pyIntOfText(env.PREFILL_GPUS ?? "");
    const decode = pyIntOfText(env.DECODE_GPUS ?? "");
    if (prefill !== void 0 && decode !== void 0) {
      if (prefill + decode <= 0) return "Multinode results require at least one GPU.";
      if (prefill <= 0) return "Multinode results require at least one prefill GPU.";
    }
  }
  return void 0;
}
function processResult(env, benchSource, benchText) {
  const problems = [];
  for (const name of REQUIRED_ENV) {
    if (env[name] === void 0)
      problems.push({ subject: name, problem: "missing; it is required for every run", lead: MISSING_ENV_LEAD });
  }
  const resultFilename = env.RESULT_FILENAME ?? "";
  if (env.RESULT_FILENAME !== void 0) {
    const bad = checkResultFilename(resultFilename);
    if (bad) problems.push({ subject: "RESULT_FILENAME", problem: bad });
  }
  const sequence = (name) => {
    const raw = env[name];
    if (raw === void 0) return Number.NaN;
    const n = pyIntOfText(raw);
    if (n === void 0 || !(n > 0) || !Number.isSafeInteger(n)) {
      problems.push({
        subject: name,
        problem: `is "${raw.slice(0, 40)}"; expected the ${name === "ISL" ? "input" : "output"} sequence length, a positive integer`
      });
      return Number.NaN;
    }
    return n;
  };
  const isl = sequence("ISL");
  const osl = sequence("OSL");
  const metadata = [];
  for (const [variable, key] of COMPONENT_METADATA_ENV) {
    const entries = componentMetadata(env, variable, problems);
    if (entries) metadata.push([key, entries]);
  }
  const classified = classifyTopology(env);
  if (!classified.ok)
    problems.push(
      ...classified.problems.map((p) => ({
        subject: p.variable,
        problem: p.problem,
        lead: topologyLead(env, p.variable)
      }))
    );
  if (benchText === void 0) return { ok: false, problems };
  const bench = readBench(benchText, benchSource, problems);
  if (problems.length > 0 || !bench || !classified.ok) return { ok: false, problems };
  const topology = classified.topology;
  const members = [
    ["hw", pyJsonString(env.RUNNER_TYPE)],
    ["conc", pyJsonInt(bench.concurrency)],
    ["image", pyJsonString(env.IMAGE)],
    ["model", pyJsonString(bench.modelId)],
    ["infmax_model_prefix", pyJsonString(env.MODEL_PREFIX)],
    ["framework", pyJsonString(env.FRAMEWORK)],
    ["precision", pyJsonString(env.PRECISION)],
    ["spec_decoding", pyJsonString(env.SPEC_DECODING)],
    // The topology decides: a multinode run without a decode pool is aggregated whatever DISAGG says.
    ["disagg", String(topology.disagg)],
    ["recipe_fingerprint", pyJsonString(env.RECIPE_FINGERPRINT ?? "")],
    ["isl", pyJsonInt(isl)],
    ["osl", pyJsonInt(osl)]
  ];
  for (const [key, entries] of metadata) members.push([key, pyJsonStringObject(entries, 1)]);
  if (env.KV_P2P_TRANSFER) members.push(["kv_p2p_transfer", pyJsonString(env.KV_P2P_TRANSFER)]);
  const inputThroughput = bench.totalThroughput - bench.outputThroughput;
  if (topology.kind === "single-node") {
    const gpus = topology.gpuCount;
    members.push(
      ["is_multinode", "false"],
      ["tp", pyJsonInt(topology.tp)],
      ["pp", pyJsonInt(topology.pp)],
      ["dcp_size", pyJsonInt(topology.dcpSize)],
      ["pcp_size", pyJsonInt(topology.pcpSize)],
      ["ep", pyJsonInt(topology.ep)],
      ["dp_attention", pyJsonString(topology.dpAttention)],
      ["tput_per_gpu", pyJsonFloat(bench.totalThroughput / gpus)],
      ["output_tput_per_gpu", pyJsonFloat(bench.outputThroughput / gpus)],
      ["input_tput_per_gpu", pyJsonFloat(inputThroughput / gpus)]
    );
  } else {
    const { prefill, decode } = topology;
    const outputGpus = decode.gpus > 0 ? decode.gpus : topology.totalGpus;
    members.push(
      ["is_multinode", "true"],
      ["prefill_tp", pyJsonInt(prefill.tp)],
      ["prefill_pp", pyJsonInt(prefill.pp)],
      ["prefill_dcp_size", pyJsonInt(prefill.dcpSize)],
      ["prefill_pcp_size", pyJsonInt(prefill.pcpSize)],
      ["prefill_ep", pyJsonInt(prefill.ep)],
      ["prefill_dp_attention", pyJsonString(prefill.dpAttention)],
      ["prefill_num_workers", pyJsonInt(prefill.numWorkers)],
      ["decode_tp", pyJsonInt(decode.tp)],
      ["decode_pp", pyJsonInt(decode.pp)],
      ["decode_dcp_size", pyJsonInt(decode.dcpSize)],
      ["decode_pcp_size", pyJsonInt(decode.pcpSize)],
      ["decode_ep", pyJsonInt(decode.ep)],
      ["decode_dp_attention", pyJsonString(decode.dpAttention)],
      ["decode_num_workers", pyJsonInt(decode.numWorkers)],
      ["num_prefill_gpu", pyJsonInt(prefill.gpus)],
      ["num_decode_gpu", pyJsonInt(decode.gpus)],
      ["tput_per_gpu", pyJsonFloat(bench.totalThroughput / topology.totalGpus)],
      ["output_tput_per_gpu", pyJsonFloat(bench.outputThroughput / outputGpus)],
      ["input_tput_per_gpu", pyJsonFloat(inputThroughput / prefill.gpus)]
    );
    if (topology.prefillHardware !== void 0) {
      members.push(
        ["prefill_hw", pyJsonString(topology.prefillHardware)],
        ["decode_hw", pyJsonString(topology.decodeHardware)]
      );
    }
  }
  const ordered = new Map(members);
  for (const [key, value] of bench.conversions) ordered.set(key, value);
  const rendered = [...ordered].map(([key, valueRaw]) => ({ key, keyRaw: pyJsonString(key), valueRaw }));
  return { ok: true, agg: { text: renderTopLevelObject(rendered), topology, resultFilename } };
}

// src/io/result-run.ts
var EXIT_CONFIG = 1;
async function runResultPipeline(options, steps = { aggregate: measureNodePower, aggregateMultinode: measurePackagePower }) {
  const log = { stdout: [], stderr: [] };
  const dir = resolve4(options.cwd, options.resultDir ?? ".");
  const env = options.resultFilename === void 0 ? options.env : { ...options.env, RESULT_FILENAME: options.resultFilename };
  const name = env.RESULT_FILENAME;
  const readProblems = [];
  let benchPath = join6(dir, `${name ?? "<RESULT_FILENAME>"}.json`);
  let benchText;
  if (name !== void 0 && checkResultFilename(name) === void 0) {
    benchPath = join6(dir, `${name}.json`);
    try {
      benchText = await readTextBounded(benchPath, MAX_JSON_BYTES);
    } catch (error) {
      const code = error.code;
      readProblems.push({
        subject: benchPath,
        problem: code === "ENOENT" ? "no such file; check RESULT_FILENAME (without .json) and the result-dir option" : `cannot be read (${error.message})`
      });
    }
  }
  const outcome = processResult(env, benchPath, benchText);
  if (!outcome.ok || readProblems.length > 0) {
    const problems = [...readProblems, ...outcome.ok ? [] : outcome.problems];
    log.stderr.push(`sweep-power process-result: ${problems.length} configuration problem(s); nothing was written:`);
    for (const lead of leadLines(problems)) log.stderr.push(`  ${lead}`);
    for (const p of problems) log.stderr.push(`  ${p.subject}: ${p.problem}`);
    return { exitCode: EXIT_CONFIG, aggWritten: false, problems, log };
  }
  const { agg } = outcome;
  const aggPath = join6(dir, `agg_${agg.resultFilename}.json`);
  const sidecarPath = join6(dir, `power_validation_${agg.resultFilename}.json`);
  try {
    await writeFileAtomic(aggPath, agg.text);
  } catch (error) {
    log.stderr.push(`sweep-power process-result: cannot write ${aggPath}: ${error.message}`);
    return { exitCode: 1, topology: agg.topology.kind, aggResult: aggPath, aggWritten: false, problems: [], log };
  }
  log.stdout.push(`sweep-power process-result: ${agg.topology.kind} -> ${aggPath}`);
  const requirePower = options.requirePower;
  const topology = agg.topology;
  const expectedGpus = topologyGpuCount(topology);
  let power;
  let exitCode = 0;
  try {
    if (topology.kind === "single-node") {
      power = await steps.aggregate({
        csv: options.csv,
        benchResult: benchPath,
        aggResult: aggPath,
        expectedNumGpus: expectedGpus,
        validationResult: sidecarPath,
        maxSampleGapS: options.maxSampleGapS,
        requirePower,
        cwd: dir,
        env
      });
    } else {
      const note = multinodeGapNote(options.maxSampleGapS);
      if (note) log.stderr.push(note);
      power = await steps.aggregateMultinode({
        powerDir: options.powerDir,
        logsRoot: options.logsRoot,
        benchResult: benchPath,
        aggResult: aggPath,
        prefillGpus: topology.prefill.gpus,
        decodeGpus: topology.decode.gpus,
        validationResult: sidecarPath,
        requirePower,
        cwd: dir,
        env
      });
    }
    log.stdout.push(...power.log.stdout);
    log.stderr.push(...power.log.stderr);
    exitCode = power.exitCode;
  } catch (error) {
    log.stderr.push(
      `sweep-power process-result: power aggregation failed: ${error?.message ?? String(error)}`
    );
    const telemetrySource = topology.kind === "single-node" ? options.csv ? resolve4(dir, options.csv) : resolveTelemetryPath(env, dir).path : resolve4(dir, options.powerDir ?? (env.POWER_ARTIFACT_DIR || "LOGS/power"));
    power = await recordInternalError(
      aggPath,
      sidecarPath,
      benchPath,
      telemetrySource,
      expectedGpus,
      error,
      requirePower,
      log
    );
    exitCode = power.exitCode;
  }
  const aggJson = await readTextBounded(aggPath, MAX_JSON_BYTES).catch(() => agg.text);
  return {
    exitCode,
    topology: topology.kind,
    aggResult: aggPath,
    aggWritten: true,
    problems: [],
    power,
    log,
    aggJson: aggJson.replace(/\n$/, "")
  };
}
function leadLines(problems) {
  const lines = [];
  const missing = problems.filter((p) => p.lead === MISSING_ENV_LEAD).map((p) => p.subject);
  for (const p of problems) {
    if (p.lead === void 0) continue;
    const line = p.lead === MISSING_ENV_LEAD ? `${MISSING_ENV_LEAD}: ${missing.join(", ")}` : p.lead;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}
async function recordInternalError(aggPath, sidecarPath, benchPath, telemetrySource, expectedGpus, error, requirePower, log) {
  const message = error instanceof Error ? error.message : String(error);
  const findings = new Findings();
  findings.add(
    "aggregation_internal_error",
    `power aggregation failed unexpectedly (${message.slice(0, 200)}); the agg JSON keeps power_valid 0. Report this with the telemetry attached.`
  );
  const aggPatched = await patchAggPower(aggPath, false, {}, findings);
  if (!aggPatched)
    log.stderr.push(
      `sweep-power process-result: could not mark ${aggPath} power_valid 0: ${findings.list().slice(1).map((f) => f.message).join("; ")}`
    );
  const reasons = findings.list().slice(0, 1);
  let sidecarWritten = false;
  try {
    const sidecar = buildSidecar({
      telemetrySource,
      benchResult: benchPath,
      valid: false,
      findings: reasons,
      expectedGpus,
      devices: { gpuIds: [], sampleCounts: {}, maxGapS: {}, energyJ: {}, issues: {} },
      metrics: {},
      maxSampleGapS: DEFAULT_MAX_SAMPLE_GAP_S
    });
    sidecar.internal_error = {
      type: error instanceof Error ? error.name : typeof error,
      message: message.slice(0, 500)
    };
    sidecarWritten = await writeSidecar(sidecarPath, sidecar, "process-result", log.stderr, null);
  } catch (sidecarError) {
    log.stderr.push(
      `sweep-power process-result: cannot write the validation sidecar ${sidecarPath}: ${sidecarError.message}`
    );
  }
  return {
    valid: false,
    reasons,
    metrics: {},
    aggResult: aggPath,
    aggPatched,
    sidecarPath,
    sidecarWritten,
    exitCode: powerExitCode(false, sidecarWritten, requirePower),
    log: { stdout: [], stderr: [] }
  };
}

// src/commands/job-finish.ts
import { existsSync as existsSync3 } from "node:fs";
import { basename as basename4, dirname as dirname5, join as join7 } from "node:path";

// src/core/report/stats.ts
var T975 = [
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042
];
var Z975 = 1.959963984540054;
function tQuantile975(df) {
  if (!(df >= 1)) return Number.NaN;
  const whole = Math.floor(df);
  if (whole <= T975.length) return T975[whole - 1];
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * whole) + (5 * z5 + 16 * z3 + 3 * z) / (96 * whole ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * whole ** 3);
}
function mean(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
function sampleSd(values) {
  if (values.length < 2) return void 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}
function relativePredictionInterval(values) {
  const s = sampleSd(values);
  const m = mean(values);
  if (s === void 0 || !(m > 0)) return void 0;
  return tQuantile975(values.length - 1) * s * Math.sqrt(1 + 1 / values.length) / m;
}

// src/core/report/compare.ts
var DEFAULT_THRESHOLD = 0.05;
function configIdentity(row) {
  return [
    row.model,
    row.framework,
    row.precision,
    row.hardware,
    row.isl,
    row.osl,
    row.conc,
    row.specDecoding ?? "",
    row.topology,
    row.parallelism ?? ""
  ];
}
function configKey(row) {
  return JSON.stringify(configIdentity(row));
}
function latestByConfig(rows) {
  const groups = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const key = configKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const sides = /* @__PURE__ */ new Map();
  for (const [key, group] of groups) {
    group.sort(
      (a, b) => (a.endedAt ?? -Infinity) - (b.endedAt ?? -Infinity) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
    );
    const valid = group.map((r) => r.joulesPerOutputToken).filter((j) => positive(j));
    let repeatSpread = 0;
    if (valid.length >= 2) {
      const m = valid.reduce((a, b) => a + b, 0) / valid.length;
      repeatSpread = (Math.max(...valid) - Math.min(...valid)) / (2 * m);
    }
    sides.set(key, {
      latest: group[group.length - 1],
      all: group,
      setAside: group.length - 1,
      repeatSpread
    });
  }
  return sides;
}
function positive(j) {
  return j !== void 0 && Number.isFinite(j) && j > 0;
}
function unusable(side, which) {
  const row = side.latest;
  if (row.status === "invalid")
    return `${which}: invalid power${row.reasons.length > 0 ? ` (${row.reasons.join(", ")})` : ""}`;
  if (row.status === "missing") return `${which}: no power data`;
  if (!positive(row.joulesPerOutputToken)) return `${which}: no J/output-token`;
  return void 0;
}
function relativeBound(row) {
  if (row.energyBoundJ === void 0 || row.energyJ === void 0 || !(row.energyJ > 0)) return void 0;
  return row.energyBoundJ / row.energyJ;
}
function toleranceFor(current, baseline, history, threshold) {
  const boundCurrent = relativeBound(current.latest);
  const boundBaseline = relativeBound(baseline.latest);
  const bounds = (boundCurrent ?? 0) + (boundBaseline ?? 0);
  const repeats = Math.hypot(current.repeatSpread, baseline.repeatSpread);
  const historyInterval = relativePredictionInterval(history) ?? 0;
  const combined = bounds + Math.hypot(repeats, historyInterval);
  let decidedBy = "threshold";
  if (combined > threshold) {
    const parts = [
      ["energy bounds", bounds],
      ["repeats", repeats],
      ["history", historyInterval]
    ];
    decidedBy = parts.reduce((best, part) => part[1] > best[1] ? part : best)[0];
  }
  return {
    value: Math.max(threshold, combined),
    threshold,
    bounds,
    repeats,
    history: historyInterval,
    combined,
    decidedBy,
    boundsKnown: boundCurrent !== void 0 && boundBaseline !== void 0
  };
}
function compareRuns(current, baseline, options = {}) {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const now = latestByConfig(current);
  const before = latestByConfig(baseline);
  const historyRuns = (options.history ?? []).map((run) => latestByConfig(run));
  const counts = {
    regression: 0,
    improvement: 0,
    withinNoise: 0,
    notComparable: 0,
    comparable: 0,
    new: 0,
    gone: 0
  };
  const configs = [];
  let boundsUnknown = 0;
  const historyOf = (key) => historyRuns.map((run) => run.get(key)?.latest).filter((r) => r?.status === "valid" && positive(r.joulesPerOutputToken)).map((r) => r.joulesPerOutputToken);
  for (const [key, side] of now) {
    const base = before.get(key);
    if (!base) {
      counts.new += 1;
      configs.push({ key, row: side.latest, current: side, presence: "new", history: historyOf(key) });
      continue;
    }
    const entry = {
      key,
      row: side.latest,
      current: side,
      baseline: base,
      presence: "both",
      history: historyOf(key)
    };
    const why = unusable(side, "this run") ?? unusable(base, "baseline");
    if (why) {
      entry.verdict = "not comparable";
      entry.reason = why;
      counts.notComparable += 1;
    } else {
      const jNow = side.latest.joulesPerOutputToken;
      const jBefore = base.latest.joulesPerOutputToken;
      const delta = jNow / jBefore - 1;
      const tolerance = toleranceFor(side, base, entry.history, threshold);
      entry.deltaJoulesPerToken = delta;
      entry.deltaTokensPerJoule = jBefore / jNow - 1;
      entry.tolerance = tolerance;
      if (!tolerance.boundsKnown) boundsUnknown += 1;
      counts.comparable += 1;
      if (Math.abs(delta) > tolerance.value) {
        entry.verdict = delta > 0 ? "regression" : "improvement";
        counts[entry.verdict] += 1;
      } else {
        entry.verdict = "within noise";
        counts.withinNoise += 1;
      }
    }
    configs.push(entry);
  }
  for (const [key, side] of before) {
    if (now.has(key)) continue;
    counts.gone += 1;
    configs.push({ key, row: side.latest, baseline: side, presence: "gone", history: historyOf(key) });
  }
  configs.sort((a, b) => compareRows(a.row, b.row));
  let setAsideBaseline = 0;
  for (const side of before.values()) setAsideBaseline += side.setAside;
  let setAsideCurrent = 0;
  for (const side of now.values()) setAsideCurrent += side.setAside;
  return {
    threshold,
    configs,
    counts,
    setAside: { current: setAsideCurrent, baseline: setAsideBaseline },
    boundsUnknown,
    historyRuns: historyRuns.length
  };
}
function changes(comparison) {
  return comparison.configs.filter((c) => c.verdict === "regression" || c.verdict === "improvement").sort(
    (a, b) => Math.abs(b.deltaJoulesPerToken ?? 0) - Math.abs(a.deltaJoulesPerToken ?? 0) || compareRows(a.row, b.row)
  );
}
function comparisonJson(comparison, baselineLabel) {
  const side = (s) => s && {
    source: s.latest.source,
    status: s.latest.status,
    joules_per_output_token: s.latest.joulesPerOutputToken ?? null,
    energy_j: s.latest.energyJ ?? null,
    energy_bound_j: s.latest.energyBoundJ ?? null,
    reasons: s.latest.reasons,
    results: s.all.length,
    set_aside: s.setAside
  };
  return {
    schema_version: 1,
    threshold: comparison.threshold,
    baseline: baselineLabel ?? null,
    counts: comparison.counts,
    set_aside: comparison.setAside,
    configs: comparison.configs.map((c) => {
      const [model, framework, precision, hardware, isl, osl, conc, specDecoding, topology, parallelism] = configIdentity(c.row);
      return {
        config: {
          model,
          framework,
          precision,
          hardware,
          isl,
          osl,
          conc,
          spec_decoding: specDecoding,
          topology,
          parallelism
        },
        presence: c.presence,
        verdict: c.verdict ?? null,
        reason: c.reason ?? null,
        delta_joules_per_output_token: c.deltaJoulesPerToken ?? null,
        delta_tokens_per_joule: c.deltaTokensPerJoule ?? null,
        tolerance: c.tolerance ? {
          value: c.tolerance.value,
          threshold: c.tolerance.threshold,
          energy_bounds: c.tolerance.bounds,
          repeats: c.tolerance.repeats,
          history: c.tolerance.history,
          decided_by: c.tolerance.decidedBy,
          bounds_known: c.tolerance.boundsKnown
        } : null,
        history: c.history,
        current: side(c.current) ?? null,
        baseline: side(c.baseline) ?? null
      };
    })
  };
}

// src/core/report/history.ts
var HISTORY_MARKER = "sweep-power-history:v1";
var MAX_PUSHES = 12;
var MAX_BLOCK_CHARS = 24e3;
var DEFAULT_BLOCK_BUDGET = 12e3;
var MAX_CONFIGS = 1e4;
function emptyHistory() {
  return { pushes: [], values: /* @__PURE__ */ new Map() };
}
function configHash(key) {
  let a = 2166136261;
  let b = 16777619 ^ 1540483477;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619) >>> 0;
    b = Math.imul(b ^ c, 1540483477) >>> 0;
    b ^= b >>> 15;
  }
  return (a.toString(36).padStart(7, "0") + (b >>> 0).toString(36).padStart(7, "0")).slice(0, 12);
}
var HASH = /^[0-9a-z]{12}$/;
var COMMIT = /^[0-9a-f]{7,64}$/;
var RUN = /^\d{0,20}$/;
function validValue(v) {
  return v === null || typeof v === "number" && Number.isFinite(v) && v > 0 && v < 1e12;
}
function readHistoryBlock(body) {
  if (!body) return { history: emptyHistory() };
  const start = body.indexOf(`<!-- ${HISTORY_MARKER} `);
  if (start < 0) return { history: emptyHistory() };
  const end = body.indexOf(" -->", start);
  if (end < 0) return { history: void 0, problem: "the history block is not closed" };
  const encoded = body.slice(start + HISTORY_MARKER.length + 6, end);
  if (encoded.length > MAX_BLOCK_CHARS)
    return { history: void 0, problem: `the history block is larger than ${MAX_BLOCK_CHARS} characters` };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
    return { history: void 0, problem: "the history block is not base64" };
  let data;
  try {
    data = JSON.parse(atob(encoded));
  } catch {
    return { history: void 0, problem: "the history block is not JSON" };
  }
  return parseHistory(data);
}
function parseHistory(data) {
  const bad = (what) => ({ history: void 0, problem: `the history block ${what}` });
  if (typeof data !== "object" || data === null || Array.isArray(data)) return bad("is not an object");
  const d = data;
  if (Object.keys(d).some((k) => k !== "v" && k !== "p" && k !== "c")) return bad("has unknown fields");
  if (d.v !== 1) return bad("has an unknown version");
  if (!Array.isArray(d.p) || d.p.length > MAX_PUSHES) return bad(`does not list at most ${MAX_PUSHES} pushes`);
  const pushes = [];
  for (const p of d.p) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== "string" || typeof p[1] !== "string" || !COMMIT.test(p[0]) || !RUN.test(p[1]))
      return bad("has a malformed push");
    pushes.push({ commit: p[0], run: p[1] });
  }
  if (!Array.isArray(d.c) || d.c.length > MAX_CONFIGS) return bad("has a malformed config list");
  const values = /* @__PURE__ */ new Map();
  for (const c of d.c) {
    if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== "string" || !HASH.test(c[0]) || values.has(c[0]))
      return bad("has a malformed config");
    const series2 = c[1];
    if (!Array.isArray(series2) || series2.length !== pushes.length || !series2.every(validValue))
      return bad("has a malformed series");
    values.set(c[0], series2);
  }
  return { history: { pushes, values } };
}
function round4(v) {
  return Number(v.toPrecision(4));
}
function appendPush(history, push, figures) {
  const last = history.pushes[history.pushes.length - 1];
  const replace = last !== void 0 && last.commit === push.commit;
  const kept = replace ? history.pushes.length - 1 : history.pushes.length;
  const drop = Math.max(0, kept + 1 - MAX_PUSHES);
  const pushes = [...history.pushes.slice(drop, kept), push];
  const values = /* @__PURE__ */ new Map();
  for (const [hash, series2] of history.values) values.set(hash, [...series2.slice(drop, kept), null]);
  for (const [hash, value] of figures) {
    const series2 = values.get(hash) ?? new Array(pushes.length).fill(null);
    series2[pushes.length - 1] = round4(value);
    values.set(hash, series2);
  }
  for (const [hash, series2] of values) if (series2.every((v) => v === null)) values.delete(hash);
  return { pushes, values };
}
function encode(pushes, configs) {
  return `<!-- ${HISTORY_MARKER} ${btoa(JSON.stringify({ v: 1, p: pushes.map((p) => [p.commit, p.run]), c: configs }))} -->`;
}
function encodeHistoryBlock(history, priority = [], budget = DEFAULT_BLOCK_BUDGET) {
  const order = [.../* @__PURE__ */ new Set([...priority.filter((h) => history.values.has(h)), ...history.values.keys()])];
  const entries = order.map((h) => [h, history.values.get(h)]);
  const full = encode(history.pushes, entries);
  if (full.length <= budget) return { block: full, configsLeftOut: 0 };
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(history.pushes, entries.slice(0, mid)).length <= budget) lo = mid;
    else hi = mid - 1;
  }
  return { block: encode(history.pushes, entries.slice(0, lo)), configsLeftOut: entries.length - lo };
}
var BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
function sparkline(series2) {
  const present = series2.filter((v) => v !== null);
  if (present.length < 2) return "";
  const min = Math.min(...present);
  const max = Math.max(...present);
  return series2.map((v) => {
    if (v === null) return "\xB7";
    if (max === min) return BARS[3];
    return BARS[Math.round((v - min) / (max - min) * (BARS.length - 1))];
  }).join("");
}

// src/core/report/layout.ts
var CHART_MAX_CONFIGS = 12;
var LIST_SHOWN_WHEN_SHRUNK = 20;
function htmlText(value) {
  return normalizeText(value).replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]).replace(/[@/#:]/g, (ch) => `${ch}${WORD_JOINER}`).replace(/(w)(w)(w)(\.)/gi, `$1$2$3${WORD_JOINER}$4`).replace(/(g)(h)(-)/gi, `$1$2${WORD_JOINER}$3`).replace(/[[\]()!`*_~|\\]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`);
}
function grouped2(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function plural2(n, one, many = `${one}s`) {
  return `${grouped2(n)} ${n === 1 ? one : many}`;
}
function link(text, url) {
  const safe = url === void 0 ? void 0 : safeUrl(url);
  return safe ? `[${text}](${safe})` : text;
}
function formatPercent(fraction2) {
  const pct = fraction2 * 100;
  const digits = Math.abs(pct) >= 100 ? 0 : 1;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return `0.${"0".repeat(digits)} %`.replace(/^0\. %$/, "0 %");
  return `${pct > 0 ? "+" : "\u2212"}${text} %`;
}
function formatEnergy(j) {
  if (j === void 0) return "\u2013";
  if (Math.abs(j) >= 1e6) return `${(j / 1e6).toFixed(2)} MJ`;
  if (Math.abs(j) >= 1e3) return `${(j / 1e3).toFixed(1)} kJ`;
  return `${j.toFixed(0)} J`;
}
function formatTokensPerJoule(j) {
  return j === void 0 || !(j > 0) ? "\u2013" : String(Number((1 / j).toPrecision(3)));
}
function islOsl(row) {
  return row.isl === "" && row.osl === "" ? "" : `${escapeMarkdown(row.isl)}/${escapeMarkdown(row.osl)}`;
}
function topologyCell(row) {
  return escapeMarkdown([row.topology, row.parallelism ?? ""].filter((p) => p !== "").join(" \xB7 ")) + (row.specDecoding && row.specDecoding !== "none" ? ` \xB7 spec ${escapeMarkdown(row.specDecoding)}` : "");
}
function configLabel(row) {
  return [
    escapeMarkdown(row.model),
    escapeMarkdown(row.framework),
    escapeMarkdown(row.precision),
    escapeMarkdown(row.hardware),
    islOsl(row),
    `conc ${escapeMarkdown(row.conc)}`,
    topologyCell(row)
  ].filter((p) => p !== "").join(" \xB7 ");
}
var VERDICT_MARK = {
  regression: "\u{1F534}",
  improvement: "\u{1F7E2}",
  "within noise": "\u26AA",
  "not comparable": "\u2298"
};
function deltaCell(c) {
  if (!c) return "";
  if (c.presence === "new") return "new";
  if (c.verdict === "not comparable") return "\u2298 not comparable";
  if (c.deltaJoulesPerToken === void 0) return "";
  const mark = c.verdict === "regression" ? " \u{1F534}\u2191" : c.verdict === "improvement" ? " \u{1F7E2}\u2193" : "";
  return `${formatPercent(c.deltaJoulesPerToken)}${mark}`;
}
function joulesCell(side) {
  const row = side.latest;
  if (row.status === "invalid") return "\u274C invalid";
  if (row.status === "missing") return "\u2796 no data";
  const j = row.joulesPerOutputToken;
  let text = formatJoulesPerToken(j);
  if (j !== void 0 && row.energyBoundJ !== void 0 && row.energyJ !== void 0 && row.energyJ > 0)
    text += ` \xB1 ${formatJoulesPerToken(row.energyBoundJ / row.energyJ * j)}`;
  if (side.setAside > 0) text += ` (latest of ${side.all.length})`;
  return text;
}
function toleranceText(c) {
  const t = c.tolerance;
  if (!t) return "";
  return `\xB1${(t.value * 100).toFixed(1)} % (${t.decidedBy})`;
}
function chartLabel(row) {
  const raw = `${row.hardware} ${row.isl}/${row.osl} c${row.conc}${row.parallelism ? ` ${row.parallelism}` : ""}`;
  const cleaned = raw.replace(/[^A-Za-z0-9 ._/+×-]/g, " ").replace(/\s+/g, " ").trim();
  return (cleaned === "" ? "config" : cleaned).slice(0, 32);
}
function chartNumber(v) {
  const short = Number(v.toPrecision(4));
  const text = String(short);
  return /e/i.test(text) ? short.toFixed(12).replace(/0+$/, "").replace(/\.$/, "") : text;
}
function chartLines(configs) {
  const drawn = configs.filter((c) => c.deltaJoulesPerToken !== void 0).slice(0, CHART_MAX_CONFIGS);
  if (drawn.length === 0) return [];
  const labels = drawn.map((c, i) => `"${i + 1} ${chartLabel(c.row)}"`);
  const before = drawn.map((c) => chartNumber(c.baseline?.latest.joulesPerOutputToken));
  const now = drawn.map((c) => chartNumber(c.current?.latest.joulesPerOutputToken));
  return [
    "```mermaid",
    "xychart-beta",
    '  title "J per output token: baseline (bars) vs this run (line)"',
    `  x-axis [${labels.join(", ")}]`,
    '  y-axis "J per output token"',
    `  bar [${before.join(", ")}]`,
    `  line [${now.join(", ")}]`,
    "```"
  ];
}
function renderLayout(input, options) {
  const measure = options.measure ?? ((s) => s.length);
  const limit = options.limit - (options.reserve ?? 0);
  const hint = options.fullListHint ?? "the job summary and the `bmk_*` artifacts of this run";
  const comparison = input.comparison;
  const current = latestByConfig(input.rows);
  const sides = [...current.values()].sort((a, b) => compareRows(a.latest, b.latest));
  const setAside = sides.reduce((n, s) => n + s.setAside, 0);
  const unreadable = input.unreadable ?? [];
  const counts = { total: sides.length, valid: 0, invalid: 0, missing: 0, unreadable: unreadable.length };
  for (const side of sides) counts[side.latest.status] += 1;
  const byKey = /* @__PURE__ */ new Map();
  for (const c of comparison?.configs ?? []) if (c.current) byKey.set(c.key, c);
  const trends = input.trends;
  const links = visualizerLinks(input.visualizerUrl, input.runId);
  const head = [];
  const runLink = input.runId && /^\d+$/.test(input.runId) ? link(input.runId, input.runUrl) : void 0;
  const commit = input.commit && /^[0-9a-f]{7,64}$/i.test(input.commit.sha) ? link(`\`${input.commit.sha.slice(0, 7)}\``, input.commit.url) : void 0;
  head.push(`### GPU power${commit ? ` \xB7 commit ${commit}` : ""}${runLink ? ` \xB7 sweep run ${runLink}` : ""}`, "");
  if (links) head.push(`Visualizer: [inference](${links.inference}) \xB7 [evaluation](${links.evaluation})`, "");
  const tally = [
    `**${plural2(counts.total, "config")}**`,
    `\u2705 ${grouped2(counts.valid)} valid`,
    `\u274C ${grouped2(counts.invalid)} invalid`,
    `\u2796 ${grouped2(counts.missing)} without power data`
  ];
  if (counts.unreadable > 0) tally.push(`\u26A0\uFE0F ${plural2(counts.unreadable, "unreadable file")}`);
  head.push(tally.join(" \xB7 "), "");
  if (setAside > 0)
    head.push(
      `_${plural2(setAside, "earlier result")} of repeated configs set aside: the latest result of each config is used._`,
      ""
    );
  const base = input.baseline;
  if (base) {
    const parts = [];
    if (base.runId && /^\d+$/.test(base.runId)) parts.push(`run ${link(base.runId, base.runUrl)}`);
    if (base.commit && /^[0-9a-f]{7,64}$/i.test(base.commit))
      parts.push(`commit ${link(`\`${base.commit.slice(0, 7)}\``, base.commitUrl)}`);
    if (base.label) parts.push(escapeMarkdown(base.label));
    if (comparison && comparison.historyRuns > 1) parts.push(`history of ${comparison.historyRuns} runs`);
    head.push(`Baseline: ${parts.length > 0 ? parts.join(" \xB7 ") : "given results"}`, "");
  }
  for (const note of input.notes ?? []) head.push(`_${escapeMarkdown(note)}_`, "");
  if (comparison) {
    const k = comparison.counts;
    const n = (count2) => grouped2(count2);
    head.push(
      `**Verdicts:** \u{1F534} ${plural2(k.regression, "regression")} \xB7 \u{1F7E2} ${plural2(k.improvement, "improvement")} \xB7 \u26AA ${n(k.withinNoise)} within noise \xB7 \u2298 ${n(k.notComparable)} not comparable \xB7 \u{1F195} ${n(k.new)} new \xB7 ${n(k.gone)} gone (threshold ${(comparison.threshold * 100).toFixed(1)} %)`,
      ""
    );
    if (comparison.boundsUnknown > 0) {
      head.push(
        `_Energy error bound unknown for ${plural2(comparison.boundsUnknown, "compared config")}: counted as 0 in the tolerance, so the threshold, repeats and history decide there._`,
        ""
      );
    }
    if (comparison.setAside.baseline > 0)
      head.push(
        `_${plural2(comparison.setAside.baseline, "earlier baseline result")} of repeated configs set aside._`,
        ""
      );
  }
  const changed = comparison ? changes(comparison) : [];
  const changeHead = [
    "#### Changes",
    "",
    "| | Config | J/output token | \u0394 J/token | \u0394 tokens/J | Tolerance | Trend |",
    "|---|---|--:|--:|--:|---|---|"
  ];
  const changeRows = changed.map((c) => {
    const before = formatJoulesPerToken(c.baseline?.latest.joulesPerOutputToken);
    const now = formatJoulesPerToken(c.current?.latest.joulesPerOutputToken);
    const arrow = c.verdict === "regression" ? "\u{1F534} \u2191" : "\u{1F7E2} \u2193";
    return `| ${arrow} | ${configLabel(c.row)} | ${before} \u2192 ${now} | ${formatPercent(c.deltaJoulesPerToken)} | ${formatPercent(c.deltaTokensPerJoule)} | ${toleranceText(c)} | ${sparkline(trends?.get(c.key) ?? [])} |`;
  });
  const changesNone = comparison ? ["#### Changes", "", "_No regression or improvement beyond the tolerance._", ""] : [];
  const chartSource = changed.length > 0 ? changed : (comparison?.configs ?? []).filter((c) => c.deltaJoulesPerToken !== void 0);
  const chartBody = chartLines(chartSource);
  const chart = chartBody.length > 0 ? ["", ...chartBody, ""] : [];
  const groups = [];
  const showDelta = comparison !== void 0;
  const showTrend = trends !== void 0 && trends.size > 0;
  const groupHead = [
    `| Hardware | ISL/OSL | Conc | Topology | GPUs | J/output token |${showDelta ? " \u0394 vs baseline |" : ""} Tokens/J | W/GPU | Energy |${showTrend ? " Trend |" : ""}${links ? " |" : ""}`,
    `|---|---|--:|---|--:|--:|${showDelta ? "--:|" : ""}--:|--:|--:|${showTrend ? "---|" : ""}${links ? "---|" : ""}`
  ];
  let groupStart = 0;
  while (groupStart < sides.length) {
    const first = sides[groupStart].latest;
    let end = groupStart;
    while (end < sides.length && sides[end].latest.model === first.model && sides[end].latest.framework === first.framework && sides[end].latest.precision === first.precision)
      end++;
    const members = sides.slice(groupStart, end);
    const verdicts = /* @__PURE__ */ new Map();
    const rows = members.map((side) => {
      const row = side.latest;
      const key = configKey(row);
      const c = byKey.get(key);
      if (c?.verdict) verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
      const valid = row.status === "valid";
      const trend = showTrend ? ` ${sparkline(trends?.get(key) ?? [])} |` : "";
      return `| ${escapeMarkdown(row.hardware)} | ${islOsl(row)} | ${escapeMarkdown(row.conc)} | ${topologyCell(row)} | ${row.gpus ?? "\u2013"} | ${joulesCell(side)} |${showDelta ? ` ${deltaCell(c)} |` : ""} ${valid ? formatTokensPerJoule(row.joulesPerOutputToken) : "\u2013"} | ${formatWatts(row.avgPowerW)} | ${valid ? formatEnergy(row.energyJ) : "\u2013"} |${trend}${links ? ` [\u2197](${links.inference}) |` : ""}`;
    });
    const tallies = ["regression", "improvement", "within noise", "not comparable"].filter((v) => verdicts.has(v)).map((v) => `${VERDICT_MARK[v]} ${verdicts.get(v)}`);
    const title = `<b>${htmlText(first.model)}</b> \xB7 ${htmlText(first.framework)} \xB7 ${htmlText(first.precision)} \xB7 ${plural2(members.length, "config")}${tallies.length > 0 ? ` \xB7 ${tallies.join(" ")}` : ""}`;
    groups.push({ title, rows, configs: members.length });
    groupStart = end;
  }
  const groupLines = (g) => [
    "",
    `<details><summary>${g.title}</summary>`,
    "",
    ...groupHead,
    ...g.rows,
    "",
    "</details>"
  ];
  const section = (title, items) => items.length === 0 ? [] : ["", `<details><summary>${title}</summary>`, "", ...items, "", "</details>"];
  const capped = (items, shrink) => shrink && items.length > LIST_SHOWN_WHEN_SHRUNK ? [
    ...items.slice(0, LIST_SHOWN_WHEN_SHRUNK),
    `- \u2026 and ${grouped2(items.length - LIST_SHOWN_WHEN_SHRUNK)} more in ${hint}`
  ] : items;
  const invalidSides = sides.filter((s) => s.latest.status === "invalid");
  const invalidItems = invalidSides.map((s) => {
    const row = s.latest;
    const reasons = row.reasons.length > 0 ? row.reasons.map((code) => `**${escapeMarkdown(code)}**${row.reasonMessages?.[code] ? ` ${escapeMarkdown(row.reasonMessages[code])}` : ""}`).join("; ") : "no reason recorded (download the `power_audit_*` artifacts next to the `bmk_*` ones to see why)";
    return `- ${configLabel(row)}: ${reasons}`;
  });
  const byReason = /* @__PURE__ */ new Map();
  for (const s of invalidSides)
    for (const code of s.latest.reasons.length > 0 ? s.latest.reasons : ["(no reason recorded)"])
      byReason.set(code, (byReason.get(code) ?? 0) + 1);
  const reasonItems = [...byReason.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `- ${escapeMarkdown(code)}: ${plural2(n, "config")}`);
  const notComparable = (comparison?.configs ?? []).filter((c) => c.verdict === "not comparable").map((c) => `- ${configLabel(c.row)}: ${escapeMarkdown(c.reason ?? "")}`);
  const added = (comparison?.configs ?? []).filter((c) => c.presence === "new").map((c) => `- ${configLabel(c.row)}`);
  const gone = (comparison?.configs ?? []).filter((c) => c.presence === "gone").map((c) => `- ${configLabel(c.row)}`);
  const unreadableItems = unreadable.map((u) => `- ${escapeMarkdown(u.source)}: ${escapeMarkdown(u.reason)}`);
  const lists = (shrink) => [
    ...shrink ? section(`Invalid power: ${plural2(invalidSides.length, "config")}, by reason`, reasonItems) : section(`Invalid power: ${plural2(invalidSides.length, "config")}`, invalidItems),
    ...section(
      `Not comparable with the baseline: ${plural2(notComparable.length, "config")}`,
      capped(notComparable, shrink)
    ),
    ...section(`New configs (not in the baseline): ${grouped2(added.length)}`, capped(added, shrink)),
    ...section(`Gone configs (in the baseline only): ${grouped2(gone.length)}`, capped(gone, shrink)),
    ...section(`Unreadable result files: ${grouped2(unreadable.length)}`, capped(unreadableItems, shrink))
  ];
  const size = (lines) => lines.reduce((sum, line) => sum + measure(line) + 1, 0);
  const changesBlock = (rows, note) => rows.length > 0 ? [...changeHead, ...rows, ...note, ""] : changesNone;
  const allGroupLines = groups.flatMap(groupLines);
  const finish = (parts, shrunk) => {
    const shownConfigs = parts.groups.reduce((n, g) => n + g.configs, 0);
    const markdown = [
      ...head,
      ...changesBlock(parts.changeRows, parts.changeNote),
      ...parts.chart,
      ...parts.groups.flatMap(groupLines),
      ...parts.note,
      ...parts.lists
    ].join("\n").replace(/\n+$/, "");
    return { markdown, counts, rowsShown: shownConfigs, rowsLeftOut: sides.length - shownConfigs, shrunk };
  };
  const full = [...head, ...changesBlock(changeRows, []), ...chart, ...allGroupLines, ...lists(false)];
  if (size(full) <= limit)
    return finish({ changeRows, changeNote: [], chart, groups, note: [], lists: lists(false) }, false);
  if (size([...head, ...changesBlock(changeRows, []), ...allGroupLines, ...lists(false)]) <= limit)
    return finish({ changeRows, changeNote: [], chart: [], groups, note: [], lists: lists(false) }, true);
  const shortLists = lists(true);
  if (size([...head, ...changesBlock(changeRows, []), ...allGroupLines, ...shortLists]) <= limit)
    return finish({ changeRows, changeNote: [], chart: [], groups, note: [], lists: shortLists }, true);
  const noteFor = (left) => [
    "",
    `_${plural2(left, "row")} left out to stay under the size limit; the full report is in ${hint}._`
  ];
  const noteMax = size(noteFor(sides.length));
  const listsFit = size([...head, ...changesBlock(changeRows, []), ...shortLists]) + noteMax <= limit;
  const tailLists = listsFit ? shortLists : [];
  let used = size([...head, ...changesBlock(changeRows, []), ...tailLists]) + noteMax;
  if (used <= limit) {
    const kept = [];
    for (const g of groups) {
      const next = used + size(groupLines(g));
      if (next > limit) break;
      used = next;
      kept.push(g);
    }
    const left = sides.length - kept.reduce((n, g) => n + g.configs, 0);
    return finish({ changeRows, changeNote: [], chart: [], groups: kept, note: noteFor(left), lists: tailLists }, true);
  }
  const changeNoteFor = (left) => [
    "",
    `_${plural2(left, "more change")} left out to stay under the size limit; every verdict is in ${hint}._`
  ];
  used = size([...head, ...changeHead, ""]) + size(changeNoteFor(changeRows.length)) + noteMax;
  const keptChanges = [];
  for (const row of changeRows) {
    const next = used + measure(row) + 1;
    if (next > limit) break;
    used = next;
    keptChanges.push(row);
  }
  return finish(
    {
      changeRows: keptChanges,
      changeNote: changeNoteFor(changeRows.length - keptChanges.length),
      chart: [],
      groups: [],
      note: noteFor(sides.length),
      lists: []
    },
    true
  );
}

// src/core/report/render.ts
var COMMENT_LIMIT_CHARS = 65536;
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function visualizerLinks(visualizerUrl, runId) {
  if (!visualizerUrl || !runId || !/^\d+$/.test(runId)) return void 0;
  const base = visualizerUrl.replace(/\/+$/, "");
  const inference = safeUrl(`${base}/inference?unofficialRun=${runId}`);
  const evaluation = safeUrl(`${base}/evaluation?unofficialRun=${runId}`);
  return inference && evaluation ? { inference, evaluation } : void 0;
}
function formatWatts(w) {
  return w === void 0 ? "\u2013" : w.toFixed(1);
}
function formatJoulesPerToken(j) {
  if (j === void 0) return "\u2013";
  return Math.abs(j) >= 100 ? j.toFixed(1) : String(Number(j.toPrecision(3)));
}
function renderReport(input, options) {
  return renderLayout(input, options);
}

// src/core/insights/from-sidecar.ts
function insightsFromSidecar(sidecar) {
  const raw = record(sidecar?.insights);
  const window = record(sidecar?.benchmark_window);
  const startUnix = finite(window?.start_time_unix);
  const endUnix = finite(window?.end_time_unix);
  if (!raw || startUnix === void 0 || endUnix === void 0 || !Array.isArray(raw.phases)) return void 0;
  const phases = [];
  for (const item of raw.phases.slice(0, 3)) {
    const p = record(item);
    const name = p?.name;
    if (!p || name !== "before" && name !== "benchmark" && name !== "after") return void 0;
    const start = finite(p.start_unix);
    const end = finite(p.end_unix);
    const duration = finite(p.duration_s);
    if (start === void 0 || end === void 0 || duration === void 0) return void 0;
    phases.push({
      name,
      start_unix: start,
      end_unix: end,
      duration_s: duration,
      energy_j: nullable(p.energy_j),
      avg_total_power_w: nullable(p.avg_total_power_w),
      ...typeof p.reason === "string" ? { reason: p.reason } : {}
    });
  }
  const q = record(raw.quality);
  const reporting = typeof q?.gpus_reporting === "string" && /^\d{1,6}\/\d{1,6}$/.test(q.gpus_reporting) ? q.gpus_reporting : "\u2013";
  const quality = {
    gpus_reporting: reporting,
    per_gpu_coverage: {},
    median_interval_s: nullable(q?.median_interval_s),
    median_interval_method: "",
    energy_bound_j: nullable(q?.energy_bound_j)
  };
  const insights = {
    phases,
    idle: idle(raw.idle),
    counter: counter(raw.counter),
    power_limit: powerLimit(raw.power_limit),
    quality,
    efficiency: { output_tokens_per_joule: null },
    power_series: series(raw.power_series),
    warnings: []
  };
  return { insights, startUnix, endUnix };
}
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function finite(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function nullable(value) {
  return finite(value) ?? null;
}
function count(value) {
  const n = finite(value);
  return n !== void 0 && Number.isInteger(n) && n >= 0 ? n : 0;
}
function idle(value) {
  const v = record(value);
  const baseline = finite(v?.baseline_total_w);
  return v && baseline !== void 0 ? {
    baseline_total_w: baseline,
    method: "",
    span_start_unix: finite(v.span_start_unix) ?? 0,
    energy_above_idle_j: nullable(v.energy_above_idle_j)
  } : null;
}
var SOURCES = [
  "dcgm_total_energy",
  "nvidia_smi_total_energy",
  "amd_smi_energy_accumulator",
  "energy_counter_column",
  "amd_smi_snapshots"
];
var AGREEMENTS = ["ok", "warn", "reject"];
function counter(value) {
  const v = record(value);
  const source = SOURCES.find((s) => s === v?.source);
  const agreement = AGREEMENTS.find((a) => a === v?.agreement);
  const energy = finite(v?.energy_j);
  if (!v || !source || !agreement || energy === void 0) return null;
  return {
    source,
    energy_j: energy,
    integral_energy_j: nullable(v.integral_energy_j),
    ratio: nullable(v.ratio),
    resets: count(v.resets),
    frozen_intervals: count(v.frozen_intervals),
    filled_intervals: count(v.filled_intervals),
    agreement,
    ...v.scope === "whole_recording" ? { scope: "whole_recording" } : {}
  };
}
function powerLimit(value) {
  const v = record(value);
  const enforced = finite(v?.enforced_w);
  const source = v?.source === "column" || v?.source === "nameplate" ? v.source : void 0;
  if (!v || enforced === void 0 || !source) return null;
  return {
    enforced_w: enforced,
    source,
    share_at_cap: nullable(v.share_at_cap),
    implausible_samples: count(v.implausible_samples),
    implausible_examples: []
  };
}
function series(value) {
  const v = record(value);
  const origin = finite(v?.origin_unix);
  const step = finite(v?.step_s);
  if (!v || origin === void 0 || step === void 0 || !(step > 0 && step <= 1e7) || !Array.isArray(v.total_w) || v.total_w.length > CHART_POINTS)
    return null;
  return {
    origin_unix: origin,
    step_s: step,
    total_w: v.total_w.map((w) => typeof w === "number" && w >= 0 && w <= 1e9 ? w : null)
  };
}

// src/core/report/job.ts
var esc = (value) => escapeMarkdown(typeof value === "string" ? capText(value) : value);
function finite2(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function int(value) {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : finite2(value);
  return n !== void 0 && Number.isInteger(n) && n > 0 ? n : void 0;
}
function gpuCountOf(agg, sidecar) {
  const observed = int(sidecar?.observed_gpu_count) ?? int(sidecar?.expected_gpu_count);
  if (observed !== void 0) return observed;
  const prefill = int(agg.num_prefill_gpu);
  const decode = int(agg.num_decode_gpu) ?? (agg.num_decode_gpu === 0 ? 0 : void 0);
  if (prefill !== void 0 && decode !== void 0) return prefill + decode;
  const tp = int(agg.tp);
  return tp === void 0 ? void 0 : tp * (int(agg.pp) ?? 1) * (int(agg.pcp_size) ?? 1);
}
function fixed(value, digits, unit = "") {
  return value === void 0 ? "\u2013" : `${value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit}`;
}
function renderJobSummary(input) {
  const { agg, sidecar } = input;
  const status = powerStatusOf(agg);
  const valid = status === "valid";
  const jpot = valid ? finite2(agg.joules_per_output_token) : void 0;
  const energy = valid ? finite2(agg.total_gpu_energy_j) : void 0;
  const reasons = reasonsOf(sidecar?.reasons, agg.power_invalid_reasons);
  const config = [agg.model ?? agg.infmax_model_prefix, agg.hw, agg.framework, agg.precision].map((v) => esc(v ?? "")).join(" \xB7 ");
  const validity = valid ? "\u2705 valid" : status === "invalid" ? `\u274C invalid${reasons.length > 0 ? `: ${reasons.map(esc).join(", ")}` : ""}` : "\u2796 no power data";
  const lines = [
    `### GPU power${input.resultFilename ? ` \xB7 ${esc(input.resultFilename)}` : ""}`,
    "",
    "| | |",
    "|---|---|",
    `| Config | ${config} \xB7 ${esc(agg.isl ?? "")}/${esc(agg.osl ?? "")} \xB7 conc ${esc(agg.conc ?? "")} |`,
    `| Topology | ${esc(topologyOf(agg))} |`,
    `| GPUs | ${gpuCountOf(agg, sidecar) ?? "\u2013"} |`,
    `| Avg power per GPU | ${fixed(valid ? finite2(agg.avg_power_w) : void 0, 1, " W")} |`,
    `| Total GPU energy | ${fixed(energy, 0, " J")} |`,
    `| Energy per output token | ${jpot === void 0 ? "\u2013" : `${Number(jpot.toPrecision(4))} J`} |`,
    `| Output tokens per joule | ${jpot === void 0 || jpot <= 0 ? "\u2013" : String(Number((1 / jpot).toPrecision(4)))} |`,
    `| Power | ${validity} |`
  ];
  const read = insightsFromSidecar(sidecar);
  if (read) lines.push("", ...renderInsights(read.insights, read.startUnix, read.endUnix));
  const links = visualizerLinks(input.visualizerUrl, input.runId);
  if (links) lines.push("", `Visualizer: [inference](${links.inference}) \xB7 [evaluation](${links.evaluation})`);
  if (input.artifacts && input.artifacts.length > 0) {
    lines.push("", "| Artifact | Files | Upload |", "|---|--:|---|");
    for (const a of input.artifacts)
      lines.push(
        `| ${esc(a.name)} | ${a.files.length} | ${a.error ? `\u26A0\uFE0F ${esc(a.error)}` : a.id !== void 0 ? `\u2705 id ${a.id}` : "\u2705"} |`
      );
  }
  return lines.join("\n");
}

// src/github/artifacts.ts
import { basename as basename3, dirname as dirname4, isAbsolute, relative as relative2, resolve as resolve5, sep as sep2 } from "node:path";
import { existsSync as existsSync2 } from "node:fs";
function artifactNames(resultFilename, prefix = "", attempt = 1) {
  const suffix = attempt > 1 ? `_attempt${attempt}` : "";
  return { bmk: `${prefix}bmk_${resultFilename}${suffix}`, audit: `${prefix}power_audit_${resultFilename}${suffix}` };
}
function runAttemptOf(value) {
  return value !== void 0 && /^[1-9]\d{0,5}$/.test(value.trim()) ? Number(value.trim()) : 1;
}
function jobArtifactRequests(job) {
  const names = artifactNames(job.resultFilename, job.prefix, job.attempt);
  const unique = (files) => [
    ...new Set(files.filter((f) => f !== void 0))
  ];
  return [
    { name: names.bmk, files: unique(job.aggResults) },
    {
      name: names.audit,
      files: unique([
        job.benchResult,
        ...job.aggResults,
        job.telemetryCsv,
        ...job.sidecars ?? [],
        ...job.extras ?? []
      ])
    }
  ];
}
function artifactIdsOutput(outcomes) {
  return outcomes.filter((o) => o.id !== void 0).map((o) => `${o.name}=${o.id}`).join(",");
}
function commonRoot(files) {
  const dirs = files.map((f) => dirname4(resolve5(f)));
  let root = dirs[0] ?? process.cwd();
  for (const dir of dirs.slice(1)) {
    for (; ; ) {
      const rel = relative2(root, dir);
      if (rel === "" || rel !== ".." && !rel.startsWith(`..${sep2}`) && !isAbsolute(rel) || root === dirname4(root))
        break;
      root = dirname4(root);
    }
  }
  return root;
}
async function defaultClient() {
  const { createArtifactClient } = await import("./artifact-client-LJU4ARJ3.js");
  return createArtifactClient();
}
function describeUploadError(error) {
  const e = error;
  const message = redactCredentials(e?.message ?? String(error));
  if (/CreateArtifact|FinalizeArtifact/.test(message)) return message;
  if (e?.name === "RestError" || e?.name === "NetworkError" || /upload progress stalled/i.test(message)) {
    return `the blob upload to artifact storage failed${typeof e.statusCode === "number" ? ` (HTTP ${e.statusCode})` : ""}: ${message}`;
  }
  return message;
}
async function uploadArtifacts(requests, options = {}) {
  const outcomes = [];
  let client = options.client;
  for (const request of requests) {
    const files = request.files.filter((f) => existsSync2(f));
    const missing = request.files.filter((f) => !existsSync2(f));
    const outcome = { name: request.name, files, missing };
    outcomes.push(outcome);
    if (files.length === 0) {
      outcome.error = `artifact ${request.name}: none of its files exist`;
      continue;
    }
    try {
      client ??= await defaultClient();
      const uploaded = await client.uploadArtifact(
        request.name,
        files,
        commonRoot(files),
        options.retentionDays === void 0 ? {} : { retentionDays: options.retentionDays }
      );
      outcome.id = uploaded.id;
      outcome.size = uploaded.size;
    } catch (error) {
      outcome.error = `artifact ${request.name}: ${describeUploadError(error)}`;
    }
  }
  return outcomes;
}
function uploadAdvice(error) {
  if (/none of its files exist/.test(error)) return "Check the paths the job writes.";
  if (/\(409\)|HTTP 409|already.?exists/i.test(error))
    return "Artifact names must be unique in a workflow run: give each job a distinct RESULT_FILENAME or artifact-prefix.";
  if (/\((401|403)\)|HTTP (401|403)/.test(error))
    return "The artifact service refused the job's credentials; rerun the job.";
  return "Rerun the job, or upload the files with actions/upload-artifact.";
}
function uploadWarnings(outcomes) {
  return outcomes.filter((o) => o.error !== void 0).map(
    (o) => `Upload failed, ${o.error}. ${uploadAdvice(o.error)} The files stay in the workspace: ${o.files.map((f) => basename3(f)).join(", ") || "(none)"}.`
  );
}

// src/commands/job-finish.ts
function topologyKindOf(agg) {
  const yes = (v) => v === true || typeof v === "string" && v.trim().toLowerCase() === "true";
  if (!yes(agg.is_multinode)) return "single-node";
  return yes(agg.disagg) ? "multinode-disagg" : "multinode-agg";
}
function numberOutput(value) {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}
async function finishJob(options) {
  const warnings = [];
  const sidecars = options.sidecars ?? options.aggResults.map((agg2) => join7(dirname5(agg2), sidecarNameFor(agg2))).filter((p) => existsSync3(p));
  const roots = options.roots ?? options.aggResults.map((agg2) => dirname5(agg2));
  const side = options.telemetryCsv ? auditSideFiles(dirname5(options.telemetryCsv), roots[0] ?? dirname5(options.telemetryCsv)) : { files: [], refused: [] };
  warnings.push(...side.refused);
  const extras = [...side.files, ...options.extras ?? []];
  let artifacts = [];
  if (options.upload) {
    const requests = jobArtifactRequests({
      resultFilename: options.resultFilename,
      prefix: options.artifactPrefix,
      attempt: options.runAttempt,
      aggResults: options.aggResults,
      benchResult: options.benchResult,
      telemetryCsv: options.telemetryCsv,
      sidecars,
      extras
    });
    const refused = /* @__PURE__ */ new Set();
    for (const request of requests) {
      request.files = request.files.filter((file) => {
        const reasons = roots.map((root) => escapesRoot(root, file));
        if (reasons.some((why) => why === void 0)) return true;
        refused.add(reasons[0]);
        return false;
      });
    }
    warnings.push(...refused);
    artifacts = await uploadArtifacts(requests, { retentionDays: options.retentionDays, client: options.uploader });
    warnings.push(...uploadWarnings(artifacts));
  }
  const primary = options.aggResults[0];
  const agg = (primary ? await readJsonObject(primary, MAX_RESULT_BYTES) : void 0) ?? {};
  const sidecar = sidecars[0] ? await readJsonObject(sidecars[0], MAX_RESULT_BYTES) : void 0;
  if (primary && Object.keys(agg).length === 0)
    warnings.push(`${basename4(primary)} could not be read as a JSON object; the summary has no metrics`);
  const valid = powerStatusOf(agg) === "valid";
  const summary = renderJobSummary({
    agg,
    sidecar,
    resultFilename: options.resultFilename,
    runId: options.runId,
    visualizerUrl: options.visualizerUrl,
    artifacts: artifacts.map((a) => ({ name: a.name, id: a.id, files: a.files, error: a.error }))
  });
  const outputs = {
    "agg-result": primary ?? "",
    "power-valid": valid ? "1" : "0",
    "avg-power-w": valid ? numberOutput(agg.avg_power_w) : "",
    "total-gpu-energy-j": valid ? numberOutput(agg.total_gpu_energy_j) : "",
    "joules-per-output-token": valid ? numberOutput(agg.joules_per_output_token) : "",
    topology: topologyKindOf(agg),
    "artifact-ids": artifactIdsOutput(artifacts)
  };
  return { outputs, summary, warnings, artifacts };
}

// src/commands/job.ts
var JobConfigError = class extends Error {
};
function positiveInt(value) {
  return value !== void 0 && /^\s*\d+\s*$/.test(value) && Number(value) > 0 ? Number(value) : void 0;
}
function expectedGpusFor(input, env) {
  if (input !== void 0) return input;
  const tp = positiveInt(env.TP);
  if (tp === void 0) return void 0;
  return tp * (positiveInt(env.PP_SIZE) ?? 1) * (positiveInt(env.PCP_SIZE) ?? 1);
}
async function locatePowerPackage(workspace, dir, env) {
  const logsRootFromEnv = env.POWER_RESULT_ROOT ? resolve6(dir, env.POWER_RESULT_ROOT) : void 0;
  if (env.POWER_ARTIFACT_DIR)
    return { powerDir: resolve6(dir, env.POWER_ARTIFACT_DIR), logsRoot: logsRootFromEnv ?? resolve6(dir, "LOGS") };
  for (const candidate of ["LOGS/power", "power"]) {
    const powerDir = await confinePath(workspace, relative3(workspace, join8(dir, candidate)));
    if (existsSync4(join8(powerDir, "manifest.json")))
      return { powerDir, logsRoot: logsRootFromEnv ?? dirname6(powerDir) };
  }
  return { powerDir: resolve6(dir, "LOGS/power"), logsRoot: logsRootFromEnv ?? resolve6(dir, "LOGS") };
}
async function packageFiles(powerDir) {
  if (!existsSync4(powerDir)) return [];
  const { files } = await findFiles(powerDir, ".", { maxFiles: 1e3, defaultPattern: "**/*" });
  return files;
}
function logged(result, valid, ports) {
  for (const line of result.log.stdout) ports.info(line);
  for (const line of result.log.stderr) valid(result) ? ports.info(line) : ports.warning(line);
  return result;
}
async function runJob(options, ports) {
  const { workspace, env } = options;
  const located = await ports.group("Locate the job files", async () => {
    const bench2 = await locateBenchResult(workspace, options.resultFilename, env);
    const dir2 = dirname6(bench2.path);
    const multinode2 = envFlag(env.IS_MULTINODE);
    const telemetry2 = multinode2 ? void 0 : await locateTelemetry(workspace, options.gpuMetrics, env);
    const aggPath2 = join8(dir2, `agg_${bench2.resultFilename}.json`);
    for (const why of [...bench2.refused, ...telemetry2?.refused ?? []]) ports.warning(why);
    const aggEscape = escapesRoot(workspace, aggPath2);
    if (aggEscape !== void 0)
      throw new JobConfigError(`${aggEscape}; remove the link so the agg JSON can be written in the workspace`);
    ports.info(`benchmark result: ${bench2.path}`);
    ports.info(
      `agg JSON: ${aggPath2}${existsSync4(aggPath2) ? " (exists: its power fields are patched)" : " (written from the job environment)"}`
    );
    let pkg2;
    if (multinode2) {
      pkg2 = await locatePowerPackage(workspace, dir2, env);
      ports.info(
        `multinode power package: ${pkg2.powerDir}${existsSync4(join8(pkg2.powerDir, "manifest.json")) ? "" : " (no manifest.json)"}`
      );
    } else if (telemetry2) {
      ports.info(
        telemetry2.found ? `telemetry: ${telemetry2.path}` : `telemetry: none found; looked at ${telemetry2.searched.join(", ")}`
      );
    }
    return { bench: bench2, dir: dir2, telemetry: telemetry2, multinode: multinode2, aggPath: aggPath2, pkg: pkg2 };
  });
  const { bench, dir, telemetry, multinode, aggPath, pkg } = located;
  const sidecarPath = join8(dir, `power_validation_${bench.resultFilename}.json`);
  const requirePower = options.requirePower;
  const csv = telemetry && (options.gpuMetrics || telemetry.found) ? telemetry.path : void 0;
  let path;
  let exitCode = 0;
  let reasons = [];
  let validationResult;
  if (existsSync4(aggPath)) {
    if (multinode) {
      path = "aggregate-multinode";
      const note = multinodeGapNote(options.maxSampleGapS);
      if (note) ports.warning(note);
      const prefillGpus = positiveInt(env.PREFILL_GPUS);
      const decodeGpus = /^\s*\d+\s*$/.test(env.DECODE_GPUS ?? "") ? Number(env.DECODE_GPUS) : void 0;
      if (prefillGpus === void 0 || decodeGpus === void 0)
        throw new JobConfigError(
          `${basename5(aggPath)} exists and IS_MULTINODE is true: set PREFILL_GPUS (>= 1) and DECODE_GPUS (>= 0, 0 when aggregated) in the job environment`
        );
      const result = await ports.group(
        "Aggregate multinode GPU power",
        async () => logged(
          await measurePackagePower({
            powerDir: pkg?.powerDir,
            logsRoot: pkg?.logsRoot,
            benchResult: bench.path,
            aggResult: aggPath,
            prefillGpus,
            decodeGpus,
            validationResult: sidecarPath,
            requirePower,
            cwd: dir,
            env
          }),
          (r) => r.valid,
          ports
        )
      );
      exitCode = result.exitCode;
      reasons = reasonCodes(result.reasons);
      validationResult = result.sidecarPath;
    } else {
      path = "aggregate";
      const expectedNumGpus = expectedGpusFor(options.expectedNumGpus, env);
      if (expectedNumGpus === void 0)
        throw new JobConfigError(
          `${basename5(aggPath)} exists, so its power fields are patched: set input 'expected-num-gpus' (TP x PP x PCP) or TP (with PP_SIZE, PCP_SIZE) in the job environment`
        );
      const result = await ports.group(
        "Aggregate GPU power",
        async () => logged(
          await measureNodePower({
            csv,
            benchResult: bench.path,
            aggResult: aggPath,
            expectedNumGpus,
            validationResult: sidecarPath,
            maxSampleGapS: options.maxSampleGapS,
            requirePower,
            cwd: dir,
            env
          }),
          (r) => r.valid,
          ports
        )
      );
      exitCode = result.exitCode;
      reasons = reasonCodes(result.reasons);
      validationResult = result.sidecarPath;
    }
  } else {
    path = "process-result";
    const result = await ports.group(
      "Process benchmark result",
      async () => logged(
        await runResultPipeline({
          resultDir: dir,
          resultFilename: bench.resultFilename,
          csv,
          powerDir: pkg?.powerDir,
          logsRoot: pkg?.logsRoot,
          maxSampleGapS: options.maxSampleGapS,
          requirePower,
          cwd: workspace,
          env
        }),
        (r) => r.power?.valid !== false,
        ports
      )
    );
    if (!result.aggWritten) {
      const problems = result.problems.map((p) => `${p.subject}: ${p.problem}`).join("; ") || "the agg JSON was not written";
      return {
        path,
        exitCode: 1,
        failure: `process-result: ${problems}`,
        reasons: [],
        outputs: {},
        summary: "",
        warnings: [],
        artifacts: []
      };
    }
    exitCode = result.exitCode;
    reasons = reasonCodes(result.power?.reasons ?? []);
    validationResult = result.power?.sidecarPath;
  }
  const finished = await ports.group(
    options.upload ? "Upload artifacts and write the job summary" : "Write the job summary",
    async () => {
      const result = await finishJob({
        resultFilename: bench.resultFilename,
        aggResults: [aggPath],
        benchResult: bench.path,
        telemetryCsv: telemetry?.found ? csv : void 0,
        sidecars: existsSync4(sidecarPath) ? [sidecarPath] : [],
        extras: pkg ? await packageFiles(pkg.powerDir) : [],
        upload: options.upload,
        retentionDays: options.retentionDays,
        artifactPrefix: options.artifactPrefix,
        runId: options.runId,
        runAttempt: options.runAttempt,
        visualizerUrl: options.visualizerUrl,
        uploader: options.uploader,
        // A power package named by the workflow may lie outside the workspace; nothing else may.
        roots: [workspace, ...multinode && env.POWER_ARTIFACT_DIR && pkg ? [pkg.powerDir] : []]
      });
      for (const artifact of result.artifacts)
        if (artifact.id !== void 0)
          ports.info(
            `uploaded ${artifact.name} (id ${artifact.id}): ${artifact.files.map((f) => relative3(workspace, f) || f).join(", ")}`
          );
      return result;
    }
  );
  const failure = exitCode !== 0 ? `power is invalid and require-power is set: ${reasons.join(", ")}` : void 0;
  return { ...finished, path, exitCode, failure, validationResult, reasons };
}

// src/commands/process-result.ts
async function runProcessResult(options, steps) {
  const requirePower = options.requirePower ?? parseBoolean(options.env.REQUIRE_POWER) ?? false;
  return runResultPipeline({ ...options, requirePower }, steps);
}

// src/commands/report.ts
var MARKER_RESERVE = 200;
var utf8Bytes = (text) => Buffer.byteLength(text, "utf8");
async function buildReport(options, preloaded) {
  const loaded = preloaded ?? await loadResults(options.root, options.results, { confine: options.confine });
  const notes = [...options.notes ?? []];
  let baselineLoaded;
  let baselineRuns = options.baselineRuns;
  if (options.baseline !== void 0) {
    baselineLoaded = await loadResults(options.root, options.baseline, { confine: options.confine });
    baselineRuns = { rows: baselineLoaded.rows, history: [baselineLoaded.rows] };
    if (baselineLoaded.rows.length === 0)
      notes.push(`No agg result JSON found in the baseline "${options.baseline}": no deltas.`);
  }
  const comparison = baselineRuns && baselineRuns.rows.length > 0 ? compareRuns(loaded.rows, baselineRuns.rows, { threshold: options.threshold, history: baselineRuns.history }) : void 0;
  let historyBlock = "";
  let trends;
  if (options.push) {
    const read = readHistoryBlock(options.previousBody);
    if (read.problem) notes.push(`Earlier pushes not shown: ${read.problem}, so it was ignored.`);
    const figures = /* @__PURE__ */ new Map();
    const hashes = /* @__PURE__ */ new Map();
    for (const [key, side] of latestByConfig(loaded.rows)) {
      const hash = configHash(key);
      hashes.set(key, hash);
      const j = side.latest.joulesPerOutputToken;
      if (side.latest.status === "valid" && j !== void 0 && j > 0) figures.set(hash, j);
    }
    const history = appendPush(read.history ?? { pushes: [], values: /* @__PURE__ */ new Map() }, options.push, figures);
    const priority = comparison ? changes(comparison).map((c) => configHash(c.key)) : [];
    const encoded = encodeHistoryBlock(history, priority);
    historyBlock = encoded.block;
    if (encoded.configsLeftOut > 0)
      notes.push(
        `The trend across pushes is kept for ${(hashes.size - encoded.configsLeftOut).toLocaleString("en-US")} of ${hashes.size.toLocaleString("en-US")} configs (changed ones first) to bound the comment's size.`
      );
    if (history.pushes.length > 1) {
      trends = /* @__PURE__ */ new Map();
      for (const [key, hash] of hashes) {
        const series2 = history.values.get(hash);
        if (series2) trends.set(key, series2);
      }
    }
  }
  const input = {
    rows: loaded.rows,
    unreadable: loaded.unreadable,
    runId: options.runId,
    runUrl: options.runUrl,
    visualizerUrl: options.visualizerUrl,
    commit: options.commit,
    baseline: comparison ? options.baselineLabel ?? (options.baseline !== void 0 ? { label: options.baseline } : void 0) : void 0,
    comparison,
    trends,
    notes
  };
  const comment = renderReport(input, {
    limit: COMMENT_LIMIT_CHARS,
    reserve: MARKER_RESERVE + historyBlock.length + 2
  });
  if (historyBlock !== "") comment.markdown = `${comment.markdown}

${historyBlock}`;
  const summary = renderReport(input, {
    limit: SUMMARY_LIMIT_BYTES / 2,
    measure: utf8Bytes,
    fullListHint: "the `bmk_*` artifacts of this run"
  });
  if (options.markdownFile) await writeFileAtomic(options.markdownFile, `${summary.markdown}
`);
  if (options.comparisonFile && comparison) {
    const label = options.baselineLabel ?? (options.baseline !== void 0 ? { label: options.baseline } : void 0);
    await writeFileAtomic(options.comparisonFile, `${JSON.stringify(comparisonJson(comparison, label), null, 2)}
`);
  }
  return { loaded, comment, summary, comparison, baselineLoaded, historyBlock };
}
function commentFailureMessage(number, error) {
  const e = error;
  const message = redactCredentials((e?.message ?? String(error)).split("\n")[0] ?? "");
  const timedOut = /aborted due to timeout|timed? ?out/i.test(message);
  const status = typeof e?.status === "number" && !timedOut ? e.status : void 0;
  const detail = timedOut ? `timed out: ${message}` : `${status ? `HTTP ${status}: ` : ""}${message}`;
  const what = `Could not comment on pull request #${number}`;
  const summary = "The report is in the job summary.";
  if (isRateLimited(error))
    return `${what} after retries (${detail}): GitHub's rate limit for this token did not clear; rerun the job in a few minutes, or let fewer jobs comment at once. ${summary}`;
  if (status === 403 || status === 401) {
    return `${what} (${detail}). The token needs the \`pull-requests: write\` permission; pull requests from forks only get a read-only token (see the workflow_run pattern in docs/report.md). ${summary}`;
  }
  if (status === 404)
    return `${what} (${detail}): the pull request was not found or the token cannot see it (it needs \`pull-requests: write\`). ${summary}`;
  if (status !== void 0 && status < 500 && status !== 408)
    return `${what} (${detail}): GitHub refused the request, so it was not retried. ${summary} If it happens again, open an issue with this message.`;
  return `${what} after retries (${detail}): rerun the job; if it keeps failing, check https://www.githubstatus.com. ${summary}`;
}
async function runReportAction(options, ports) {
  const loaded = await loadResults(options.root, options.results, { confine: options.confine });
  let decision;
  let pullRequest = options.event.pullRequest;
  let outcome = "skipped";
  let why;
  let commentId;
  let commentUrl;
  try {
    if (!pullRequest && options.event.pullRequestNumber !== void 0 && ports.comment)
      pullRequest = await ports.comment.getPullRequest(options.event.pullRequestNumber);
    decision = gateComment(options.event.name, pullRequest, options.labels);
  } catch (error) {
    decision = {
      comment: false,
      why: `the pull request could not be read (${redactCredentials(error.message.split("\n")[0] ?? "")})`
    };
  }
  const mismatch = decision.comment && options.event.triggeringRun ? headMismatch(decision.pullRequest, options.event.triggeringRun) : void 0;
  const commenting = decision.comment && mismatch === void 0 && ports.comment !== void 0;
  let previousBody;
  if (commenting && decision.comment && ports.comment?.previousBody) {
    try {
      previousBody = await ports.comment.previousBody(decision.pullRequest.number);
    } catch (error) {
      ports.warning(
        `Could not read the earlier comment for the trend across pushes (${redactCredentials(error.message.split("\n")[0] ?? "")}); the report shows this push only.`
      );
    }
  }
  const built = await buildReport(
    {
      ...options,
      previousBody: options.push && commenting ? previousBody : void 0,
      push: commenting ? options.push : void 0
    },
    loaded
  );
  if (loaded.refused.length > 0)
    ports.warning(
      `Left out ${loaded.refused.length} result file(s) that link outside the workspace: ${loaded.refused.slice(0, 5).join(", ")}`
    );
  if (loaded.truncated)
    ports.warning(
      `Stopped after ${loaded.rows.length + loaded.unreadable.length + loaded.skipped} result files; narrow the \`results\` input.`
    );
  if (loaded.superseded.length > 0)
    ports.info(
      `Re-run jobs: kept each one's latest attempt and left out ${loaded.superseded.length} earlier result file(s): ${loaded.superseded.slice(0, 5).join(", ")}`
    );
  if (loaded.rows.length === 0) ports.warning(`No agg result JSON found in "${options.results}".`);
  if (!decision.comment) {
    why = decision.why;
  } else if (mismatch !== void 0) {
    why = mismatch;
    ports.warning(`No pull request comment: ${why}. The report is in the job summary only.`);
  } else if (!ports.comment) {
    why = "no token (input `github-token`) or repository (GITHUB_REPOSITORY) to comment with";
  } else {
    try {
      const result = await ports.comment.upsert(decision.pullRequest.number, built.comment.markdown);
      outcome = result.action;
      commentId = result.commentId;
      commentUrl = result.url === void 0 ? void 0 : safeUrl(result.url);
    } catch (error) {
      outcome = "failed";
      why = commentFailureMessage(decision.pullRequest.number, error);
      ports.warning(why);
    }
  }
  const note = outcome === "skipped" ? `_No pull request comment: ${why}._` : outcome === "failed" ? "_The pull request comment could not be written; see the warning in the log._" : `_Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ""}._`;
  if (outcome === "skipped") ports.info(`No pull request comment: ${why}.`);
  else if (outcome !== "failed") ports.info(`Pull request comment ${outcome}${commentUrl ? `: ${commentUrl}` : ""}.`);
  await ports.writeSummary(`${built.summary.markdown}

${note}
`);
  return {
    counts: built.comment.counts,
    comment: outcome,
    why,
    commentId,
    commentUrl,
    rowsLeftOut: built.comment.rowsLeftOut,
    loaded,
    comparison: built.comparison
  };
}

export {
  optionsFor,
  parseOptions,
  shown,
  DEFAULT_VISUALIZER_URL,
  aggregateSchema,
  aggregateMultinodeSchema,
  jobSchema,
  processResultSchema,
  pullRequestFromEvent,
  reportSchema,
  closestNames,
  writeFileAtomic,
  runValidateChangelog,
  validateChangelogSchema,
  SCHEMAS,
  MODES,
  isMode,
  ACTION_INPUTS,
  reasonCodes,
  withoutCharts,
  runAggregate,
  runAggregateMultinode,
  runAttemptOf,
  runJob,
  runProcessResult,
  buildReport,
  runReportAction
};
//# sourceMappingURL=chunk-BXORSL4J.js.map

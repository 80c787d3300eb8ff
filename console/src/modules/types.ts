import type { ComponentType, ReactElement } from 'react';
import type {
  CreateParams,
  CreateResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  RaRecord,
  UpdateParams,
  UpdateResult,
} from 'react-admin';
import type { Permissions } from '../providers/permissions';
import type { Claims, Module, Right } from '../providers/session';

/**
 * What a resource folder exports (the react-admin demo / atomic-crm shape): its pages
 * (loaded lazily), its icon and how a record is named.
 */
export interface ResourcePages {
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon: ComponentType;
  recordRepresentation?: string | ((record: RaRecord) => string);
}

/**
 * How the data provider reaches a resource when the API differs from ra-data-simple-rest's
 * defaults (strict update bodies, composite ids, a create that answers something else).
 * Methods given here replace the default ones for that resource.
 */
export interface ResourceApi {
  getOne?: (resource: string, params: GetOneParams) => Promise<GetOneResult>;
  getList?: (resource: string, params: GetListParams) => Promise<GetListResult>;
  getMany?: (resource: string, params: GetManyParams) => Promise<GetManyResult>;
  create?: (resource: string, params: CreateParams) => Promise<CreateResult>;
  update?: (resource: string, params: UpdateParams) => Promise<UpdateResult>;
  /** The list filter as the API takes it (dates typed as days become instants …). */
  listFilter?: (filter: Record<string, unknown>) => Record<string, unknown>;
  /** The body of PUT /<path>/<id> from the form's data and the record as loaded. */
  updateBody?: (
    data: Record<string, unknown>,
    previous: Record<string, unknown>,
  ) => Record<string, unknown>;
}

export interface ResourceDefinition extends ResourcePages {
  /** react-admin's resource name, unique across modules; also the URL path by default. */
  name: string;
  /** The service whose API serves it: `gateway` (its own routes) or a service under /api/<name>. */
  service: string;
  /** The API path when it differs from the name. */
  path?: string;
  /** The module whose rights guard it. */
  module: Module;
  /** Rights an action needs when they differ from read/write (see ACTION_RIGHTS). */
  rights?: Partial<Record<string, Right | null>>;
  api?: ResourceApi;
  /** Shown in the menu (default true when it has a list page). */
  menu?: boolean;
  /**
   * Which users of the module work with it, when that is narrower than the module's right
   * (support's education half is for the education department, its health half for health):
   * the menu shows it to them only; the service enforces it, and the page says whose it is.
   */
  visibleTo?: (claims: Claims) => boolean;
}

/** A page of a module that is not a resource (a statistics view, the scopes view). */
export interface ModulePage {
  path: string;
  element: ReactElement;
  label: string;
  icon: ComponentType;
  /** Shown when the user has this right. */
  needs: { module: Module; right: Right };
  /** As for a resource: narrower than the right, when it is. */
  visibleTo?: (claims: Claims) => boolean;
  /** Shown in the menu (default true); false for a page reached from another (一户一档). */
  menu?: boolean;
}

/**
 * A module of the console: one per service plus administration; its menu group, its
 * resources and pages, and what its users see on the dashboard.
 */
export interface ModuleDefinition {
  /** Menu group key: `menu.<name>`. */
  name: string;
  icon: ComponentType;
  resources: ResourceDefinition[];
  pages?: ModulePage[];
  /**
   * Its service keeps a view built from the registry's events (GET /projection/status): the
   * layout says 数据同步中 (x / y) on its pages while the view is behind.
   */
  registryView?: boolean;
  /** Dashboard cards for a user with these permissions (components are lazy). */
  dashboard?: (p: Permissions) => ComponentType[];
}

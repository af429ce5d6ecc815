// GraphQL is off (nothing in the product uses it; REST at /api is the API): its old addresses
// answer a structured 404 that says so, instead of Payload's bare "Route not found".
import type { Endpoint } from 'payload'

export const GRAPHQL_OFF_MESSAGE = '本系统不提供 GraphQL 接口，请使用 REST API（/api/<集合>，每次最多 100 条）'

const off: Endpoint['handler'] = () => Response.json({ errors: [{ message: GRAPHQL_OFF_MESSAGE }] }, { status: 404 })

export const graphqlOffEndpoints: Endpoint[] = ['/graphql', '/graphql-playground'].flatMap((path) =>
  (['get', 'post'] as const).map((method) => ({ path, method, handler: off })),
)
